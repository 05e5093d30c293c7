import torch
torch.arange(-1)
