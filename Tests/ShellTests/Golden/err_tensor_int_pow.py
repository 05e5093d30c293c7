import torch
# integer tensor to a negative integer power
x = torch.tensor([2, 3])
print(x ** 2)
x ** -1
