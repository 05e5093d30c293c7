import torch
a = torch.ones(2, 3)
torch.transpose(a, 0, 1, 0)
