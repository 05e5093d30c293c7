import torch
print(torch.zeros(0, 2**62, 0).shape, torch.ones(2**62, 0, 4).shape)
torch.ones(2**62, 4, 0)
