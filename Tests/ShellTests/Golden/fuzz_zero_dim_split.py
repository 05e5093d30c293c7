import torch
torch.tensor(1.5).split([1], 0)
