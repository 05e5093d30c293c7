import torch
# index assignment
x = torch.zeros(3, 4)
x[0] = 1
x[1, 2] = 5
x[2, 1:3] = torch.tensor([7.0, 8.0])
x[:, 3] = torch.tensor([9.0, 9.5, 10.0])
print(x)
x[x > 6] = -1
print(x)
x[..., 0] = 2
x[-1] = torch.arange(4)
print(x)
y = torch.arange(6)
y[torch.tensor([0, 5])] = 100
y[[1, 2]] = torch.tensor([-1, -2])
y[::2] = 0
print(y)
z = torch.ones(2, 2, dtype=torch.int64)
z[0, 0] = 3.7
z[1] = torch.tensor([1.9, -1.9])
print(z)
b = torch.zeros(3, dtype=torch.bool)
b[1] = True
print(b)
w = torch.zeros(2, 3)
w[:] = torch.tensor([1.0, 2.0, 3.0])
w[:, 1:] *= 10
print(w)
