# Found by the structured fuzzer: 1-d pools indexed an empty kernel_size or padding tuple.
import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.arange(4.).reshape(1, 1, 4)
F.avg_pool1d(x, ())
