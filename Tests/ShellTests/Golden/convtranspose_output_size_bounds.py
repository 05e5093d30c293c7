import torch
import torch.nn as nn
# output_size is checked against bounds Python computes in unbounded integers
m = nn.ConvTranspose1d(1, 1, 2, stride=3)
print(m(torch.randn(1, 1, 5), [15]).shape, m(torch.randn(1, 1, 5), (1, 1, 16)).shape)
print(torch.Size((2**62, 4)).numel(), torch.Size((9223372036854775807, 3)).numel(), torch.Size([]).numel())
h = nn.ConvTranspose1d(1, 1, 2, stride=2**62)
h(torch.randn(1, 1, 5), [4])
