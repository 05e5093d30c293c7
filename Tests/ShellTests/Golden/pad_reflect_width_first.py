import torch
import torch.nn.functional as F
print(F.pad(torch.arange(4.).reshape(1, 1, 2, 2), (1, 1, 1, 1), mode='reflect'))
F.pad(torch.randn(1, 3, 2, 2), (3, 3, 3, 3), mode='reflect')
