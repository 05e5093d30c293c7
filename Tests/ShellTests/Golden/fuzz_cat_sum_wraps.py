import torch
torch.cat([torch.empty(2**62, 0)] * 2)
