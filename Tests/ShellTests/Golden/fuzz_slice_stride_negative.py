import torch
torch.ones(3, 3)[1::2**62]
