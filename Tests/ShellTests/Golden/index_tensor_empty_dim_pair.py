import torch
torch.zeros(2, 0, 3)[[0], [0], [9]]
