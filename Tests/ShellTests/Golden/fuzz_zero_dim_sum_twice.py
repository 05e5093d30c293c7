import torch
torch.tensor(1.5).sum((0, -1))
