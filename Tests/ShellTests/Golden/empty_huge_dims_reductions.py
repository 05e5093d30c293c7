import torch
import torch.nn as nn
# (2**63-1, 2, 0, 5) is a legal empty shape (its sizes multiply within 64 unsigned bits before the 0)
c = torch.randn(9223372036854775807, 2, 0, 5, requires_grad=True)
print(c.sum(), c.mean(), c.numel(), c.stride())
c.sum().backward()
print(c.grad.shape)
x = c.detach()
print(x.sum((0, 1)).shape, x.mean((0, 1)).shape, x.norm(dim=(0, 1)).shape, x.norm(), x.sum(3).shape)
print(x.long().sum(), x.long().sum((0, 1)).shape, x.long().max(0)[0].shape, x.any(), x.bool().all((0, 1)).shape)
print(x.cumsum(0).shape, x.softmax(1).shape, x.flatten(2).shape, x.flatten().shape, x.reshape(-1, 5).shape)
print(x.permute(2, 0, 1, 3).shape, (x + 1).shape, x.exp().shape, x.argmax(3).shape)
print(torch.zeros(0, 3).reshape(3, -1), torch.zeros(6).view(-1, 3).shape)
x.sum(2)
