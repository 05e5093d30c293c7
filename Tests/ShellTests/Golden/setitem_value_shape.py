import torch
x = torch.zeros(2, 2)
x[0] = torch.ones(1, 1, 2)
print(x)
x[0] = torch.tensor([1., 2., 3.])
