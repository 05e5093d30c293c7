import torch
t = torch.tensor([3., 1., 2.])
torch.min(t, t, 0)
