import torch
torch.cat([torch.randn(2), 3])
