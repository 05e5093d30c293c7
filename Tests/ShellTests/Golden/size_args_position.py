import torch
torch.randn('a')
