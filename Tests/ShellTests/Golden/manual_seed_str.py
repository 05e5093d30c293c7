import torch
torch.manual_seed('7')
print(torch.rand(2))
torch.manual_seed('a')
