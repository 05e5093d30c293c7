import torch
a = torch.ones(2, 3)
print(torch.flatten(a, 0, 1).shape, torch.transpose(a, 0, 1).shape)
torch.flatten(a, 0, 0, 1)
