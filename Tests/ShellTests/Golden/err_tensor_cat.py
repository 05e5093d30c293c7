import torch
# cat with mismatched sizes
a = torch.ones(2, 3)
b = torch.ones(2, 4)
print(torch.cat([a, b], 1).shape)
torch.cat([a, b])
