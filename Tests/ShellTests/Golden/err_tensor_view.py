import torch
# view with incompatible shape
x = torch.arange(6)
print(x.view(2, 3).shape)
x.view(4, 2)
