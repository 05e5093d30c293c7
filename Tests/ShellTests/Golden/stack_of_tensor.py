import torch
torch.stack(torch.randn(2, 3))
