import torch
# expand to an incompatible size
x = torch.ones(2, 3)
print(x.expand(4, 2, 3).shape)
x.expand(3, 3)
