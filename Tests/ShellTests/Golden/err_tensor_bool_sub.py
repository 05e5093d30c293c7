import torch
# subtracting bool tensors
a = torch.tensor([True, False])
print(a ^ a)
a - a
