import torch
x = torch.ones(3, dtype=torch.long)
x.requires_grad_(False)
x.requires_grad_()
