# AdaptiveMaxPool1d/2d: outputs, return_indices, None entries, F forms, grads routed to maxima.
import torch
import torch.nn as nn
import torch.nn.functional as F

m1 = nn.AdaptiveMaxPool1d(3)
print(m1, m1.output_size, m1.return_indices)
x = torch.tensor([[[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]]])
print(m1(x))
m1i = nn.AdaptiveMaxPool1d(3, return_indices=True)
print(m1i)
vals, idx = m1i(x)
print(vals, idx, idx.dtype)
print(F.adaptive_max_pool1d(x, 2))
v, i = F.adaptive_max_pool1d(x, 2, return_indices=True)
print(v, i)
print(nn.AdaptiveMaxPool1d(1)(x))

m2 = nn.AdaptiveMaxPool2d((2, 2), return_indices=True)
print(m2)
torch.manual_seed(0)
x2 = torch.randn(1, 2, 4, 5)
v2, i2 = m2(x2)
print(v2.shape, i2.shape)
print(v2.round(decimals=4))
print(i2)
print(nn.AdaptiveMaxPool2d((None, 1))(x2).shape)
print(nn.AdaptiveMaxPool2d(1)(x2).flatten().round(decimals=4))
print(F.adaptive_max_pool2d(x2[0], 3).shape)

xg = torch.tensor([[[1.0, 7.0, 3.0, 2.0, 8.0, 0.0]]], requires_grad=True)
y = F.adaptive_max_pool1d(xg, 2)
print(y, y.grad_fn.__class__.__name__)
y.sum().backward()
print(xg.grad)

xg2 = torch.arange(16.0).reshape(1, 4, 4).flip(-1).requires_grad_()
y2 = nn.AdaptiveMaxPool2d(2)(xg2)
print(y2)
y2.sum().backward()
print(xg2.grad)
