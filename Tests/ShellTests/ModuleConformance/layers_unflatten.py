# Unflatten and Flatten: reprs, attributes, shapes with -1, negative dim, in a Sequential, errors.
import torch
import torch.nn as nn

u = nn.Unflatten(1, (2, 3))
print(u)
print(u.dim, u.unflattened_size)
x = torch.arange(12.0).reshape(2, 6)
y = u(x)
print(y.shape)
print(y[1])
print(nn.Unflatten(-1, (3, -1))(torch.zeros(4, 2, 6)).shape)
print(nn.Unflatten(0, [2, 2])(torch.zeros(4, 5)).shape)
print(nn.Unflatten(1, torch.Size([3, 2])))
f = nn.Flatten()
print(f, f.start_dim, f.end_dim)
print(nn.Flatten(0, 1)(torch.zeros(2, 3, 4)).shape)
seq = nn.Sequential(nn.Flatten(), nn.Unflatten(1, (3, 4)))
print(seq)
print(seq(torch.zeros(5, 2, 6)).shape)
xg = torch.arange(6.0, requires_grad=True)
z = nn.Unflatten(0, (2, 3))(xg)
print(z.grad_fn.__class__.__name__)
(z * torch.tensor([[1.0], [2.0]])).sum().backward()
print(xg.grad)
try:
    nn.Unflatten(1, (4, 2))(x)
except RuntimeError as e:
    print("RuntimeError", e)
print(nn.Unflatten(1, (-1, 3))(x).shape)
try:
    nn.Unflatten(5, (2, 3))(x)
except IndexError as e:
    print("IndexError", e)
