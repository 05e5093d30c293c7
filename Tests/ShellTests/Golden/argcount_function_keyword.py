import torch
a = torch.ones(2)
torch.exp(a, x=1)
