import torch
torch.randn(16, 16, 16).repeat(2**62, 1, 0, 1)
