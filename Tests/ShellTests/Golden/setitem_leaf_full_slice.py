import torch
x = torch.randn(2, 3, requires_grad=True)
x[:, [0]] = 0
