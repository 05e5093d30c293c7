import torch
import torch.nn as nn
# padding='same' halves d * (k - 1) in Python's unbounded integers
print(nn.Conv2d(3, 4, 3, padding="same", dilation=2**62)._reversed_padding_repeated_twice)
print(nn.Conv1d(3, 4, 3, padding="same", dilation=9223372036854775807)._reversed_padding_repeated_twice)
print(nn.Conv1d(3, 4, 2, padding="same", dilation=2**62)._reversed_padding_repeated_twice)
print(nn.Conv1d(3, 4, 0, padding="same", dilation=3)._reversed_padding_repeated_twice)
print(nn.Conv2d(1, 1, (2, 3), padding="same", dilation=(3, 1))._reversed_padding_repeated_twice)
nn.Conv2d(3, 4, 3, padding="same", dilation=2**62)(torch.randn(1, 3, 5, 5))
