import torch
torch.mm(torch.randn(2, 3), torch.randn(3))
