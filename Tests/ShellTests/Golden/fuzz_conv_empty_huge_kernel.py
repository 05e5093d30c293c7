# Found by the structured fuzzer: a conv weight with 0 output channels and huge kernels has no
# elements but its strides overflow; PyTorch refuses it when allocating.
import torch
import torch.nn as nn
print(torch.zeros(0, 2**31, 2**31).shape, nn.Conv3d(5, 0, 2).weight.shape)
nn.Conv3d(5, 0, 2**62)
