import torch
# permute with the wrong number of dims
x = torch.zeros(2, 3)
print(x.permute(1, 0).shape)
x.permute(0)
