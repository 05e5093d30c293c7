import torch
# & | ^ << >> are bitwise on integer tensors (bools stay bools), as PyTorch's kernels
a = torch.tensor([5, 6, -8])
print(a & 4, a | torch.tensor([1, 2, 3]), a ^ 3, a << 2, a >> 1, 5 & a, 2 << torch.tensor([3]))
print(torch.tensor([True, False]) & torch.tensor([True, True]), torch.tensor([True]) << 1, torch.tensor([True, False]) & torch.tensor([1, 3]))
print(torch.tensor([1, 2], dtype=torch.int32) << 40, torch.tensor([-8]) >> 70, torch.tensor([1]) << -1, torch.tensor([200], dtype=torch.uint8) << 1)
x = torch.tensor([5, 6])
x &= 4
x |= torch.tensor([1, 2])
x <<= 1
print(x)
torch.tensor([1.]) & torch.tensor([1.])
