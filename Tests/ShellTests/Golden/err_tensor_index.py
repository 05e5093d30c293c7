import torch
# index out of range on a tensor
x = torch.arange(5)
print(x[4])
x[5]
