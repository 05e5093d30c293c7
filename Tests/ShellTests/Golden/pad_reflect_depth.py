import torch
import torch.nn.functional as F
F.pad(torch.randn(1, 3, 2, 2, 2), (1, 1, 3, 3, 3, 3), mode='reflect')
