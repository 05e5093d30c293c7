import torch
import torch.nn.functional as F

# Structured fuzzer, 2026-11-27: F.conv3d(a, a) with a = torch.zeros(2, 2**40, 0, 0, 0) hung nnsh (a
# kernel with no taps, yet the direct kernel walked all 2**40 channels per output row). PyTorch gives
# an empty result for an input with no batch items or no channels and refuses any other empty input
# (then a kernel with a zero in its spatial size: the NN goldens' error cases).
print(F.conv2d(torch.zeros(0, 3, 2, 2), torch.randn(4, 3, 1, 1)).shape)
print(F.conv2d(torch.zeros(0, 3, 3, 3), torch.randn(4, 3, 2, 2), torch.ones(4), stride=2))
print(F.conv_transpose2d(torch.zeros(0, 2, 3, 3), torch.randn(2, 4, 2, 2), torch.ones(4)).shape)
a = torch.zeros(2, 2**40, 0, 0, 0)
F.conv3d(a, a)
