# AdaptiveAvgPool1d/2d/3d: int, tuple, None entries, output 1; reprs, attributes, F forms, grads.
import torch
import torch.nn as nn
import torch.nn.functional as F

p1 = nn.AdaptiveAvgPool1d(3)
print(p1, p1.output_size)
x1 = torch.arange(14.0).reshape(2, 7)
print(p1(x1))
print(p1(x1.unsqueeze(0)).shape)
print(nn.AdaptiveAvgPool1d(1)(x1))

p2 = nn.AdaptiveAvgPool2d((2, 3))
print(p2, p2.output_size)
x2 = torch.arange(40.0).reshape(1, 2, 4, 5)
y2 = p2(x2)
print(y2.shape)
print(y2)
print(nn.AdaptiveAvgPool2d(1)(x2).flatten())
p2n = nn.AdaptiveAvgPool2d((None, 2))
print(p2n, p2n.output_size)
print(p2n(x2).shape)
print(nn.AdaptiveAvgPool2d(3)(x2[0]).shape)
print(F.adaptive_avg_pool2d(x2, (1, 2)))

p3 = nn.AdaptiveAvgPool3d((1, 2, None))
print(p3)
x3 = torch.arange(48.0).reshape(1, 2, 2, 3, 4)
print(p3(x3).shape)
print(p3(x3))
print(nn.AdaptiveAvgPool3d(1)(x3).flatten())
print(F.adaptive_avg_pool3d(x3, 2).shape)

xg = torch.arange(7.0, requires_grad=True)
out = F.adaptive_avg_pool1d(xg.reshape(1, 1, 7), 3)
print(out)
print(out.grad_fn.__class__.__name__)
out.sum().backward()
print(xg.grad)

x4 = torch.arange(20.0).reshape(1, 4, 5).requires_grad_()
y4 = nn.AdaptiveAvgPool2d(2)(x4)
print(y4.grad_fn.__class__.__name__)
(y4 * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
print(x4.grad)
