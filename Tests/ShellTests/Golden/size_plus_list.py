import torch
torch.Size([2]) + [3]
