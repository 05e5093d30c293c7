import torch
torch.randn(2).expand(-1, 2)
