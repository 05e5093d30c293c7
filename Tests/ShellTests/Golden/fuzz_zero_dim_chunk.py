import torch
torch.tensor(1.5).chunk(2, 0)
