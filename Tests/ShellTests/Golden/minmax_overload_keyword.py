import torch
t = torch.tensor([3., 1., 2.])
torch.max(t, t, keepdim=True)
