import torch
import torch.nn.functional as F
print(F.pad(torch.randn(0, 3, 2), (1, 1), mode='replicate').shape)
F.pad(torch.randn(1, 3, 0, 2), (1, 1, 1, 1), mode='replicate')
