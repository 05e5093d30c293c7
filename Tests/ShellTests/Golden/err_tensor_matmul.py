import torch
# mm with mismatched inner dims
a = torch.ones(2, 3)
b = torch.ones(2, 3)
print(torch.mm(a, b.t()).shape)
torch.mm(a, b)
