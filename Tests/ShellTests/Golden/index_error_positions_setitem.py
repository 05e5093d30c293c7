import torch
x = torch.zeros(2, 3)
x[None, 1, 5] = 1
