import torch
print(torch.randn(torch.tensor(2), 3).shape, torch.zeros(torch.Size([2, 1])).shape)
torch.randn(2, 3.5)
