import torch
import torch.nn.functional as F
F.pad(torch.randn(1, 0, 2, 2, 2), (1, 1, 1, 1, 1, 1), mode='reflect')
