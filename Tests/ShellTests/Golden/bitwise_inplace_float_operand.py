import torch
y = torch.tensor([5, 6])
y &= 1.5
