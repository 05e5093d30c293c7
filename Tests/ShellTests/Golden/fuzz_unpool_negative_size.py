import torch
import torch.nn.functional as F
F.max_unpool1d(torch.randn(1, 1, 6), torch.zeros(1, 1, 6).long(), 2, 2, 7)
