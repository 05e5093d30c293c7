import torch
import torch.nn.functional as F
# F.conv2d's int arguments are pairs: a 3-d weight fails on the first list of the wrong length
print(F.conv2d(torch.randn(1, 3, 8), torch.randn(8, 3, 3), stride=(1,), padding=(0,), dilation=(1,), groups=1).shape if False else 0)
F.conv2d(torch.randn(1, 3, 8, 8), torch.randn(8, 3, 3))
