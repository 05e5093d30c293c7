# GroupNorm: reprs, attributes, outputs on 2D/3D/4D input, affine=False, grads, bad group counts.
import torch
import torch.nn as nn
import torch.nn.functional as F

gn = nn.GroupNorm(2, 4)
print(gn)
print(gn.num_groups, gn.num_channels, gn.eps, gn.affine)
print(gn.weight, gn.bias)
x = torch.arange(24.0).reshape(2, 4, 3) ** 1.5
print(gn(x).round(decimals=4))
print(gn(x).grad_fn.__class__.__name__)

print(nn.GroupNorm(1, 3, eps=1e-3, affine=False))
print(list(nn.GroupNorm(1, 3, affine=False).parameters()))
x2 = torch.tensor([[1.0, 2.0, 4.0], [0.0, 3.0, -3.0]])
print(nn.GroupNorm(3, 3)((x2 + 0.5).unsqueeze(-1).expand(2, 3, 2) * torch.tensor([1.0, -2.0])).round(decimals=4))
print(nn.GroupNorm(1, 3)(x2).round(decimals=4))

torch.manual_seed(0)
x4 = torch.randn(2, 6, 2, 2)
y4 = nn.GroupNorm(3, 6)(x4)
print(y4.shape)
print(y4[0, :2].round(decimals=4))
print(y4.reshape(2, 3, -1).mean(-1).abs().max().item() < 1e-5)

g = nn.GroupNorm(2, 4)
with torch.no_grad():
    g.weight.copy_(torch.tensor([1.0, -1.0, 2.0, 0.5]))
xg = torch.tensor([[[1.0, 3.0, 0.0], [-2.0, 5.0, 1.0], [0.5, 0.0, 2.0], [1.0, 1.0, -1.0]]], requires_grad=True)
out = g(xg)
print(out.round(decimals=4))
(out * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(xg.grad.round(decimals=4))
print(g.weight.grad.round(decimals=4), g.bias.grad)
print(F.group_norm(x, 4).round(decimals=4)[0])

for args in [(3, 4), (0, 4)]:
    try:
        nn.GroupNorm(*args)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    F.group_norm(torch.zeros(2, 6), 4)
except RuntimeError as e:
    print("RuntimeError", e)
