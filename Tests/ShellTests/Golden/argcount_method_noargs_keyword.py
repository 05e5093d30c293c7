import torch
a = torch.tensor([[1.0, -2.0]])
a.t(dim=0)
