import torch
x = torch.ones(3, dtype=torch.long)
x.requires_grad = False
x.requires_grad = True
