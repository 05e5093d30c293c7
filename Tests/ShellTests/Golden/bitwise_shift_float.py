import torch
torch.tensor([8.]) >> 2
