# nn.Upsample and F.interpolate, nearest and nearest-exact: sizes, scale factors, gradients, checks.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(1, 2, 3, 4, requires_grad=True)
up = nn.Upsample(scale_factor=2, mode="nearest")
print(up, nn.Upsample(size=(5, 7)), nn.UpsamplingNearest2d(scale_factor=3))
y = up(x)
print(y.shape, y.grad_fn.name(), y[0, 0])
(y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
print(x.grad)
for size in [(5, 7), (2, 3), 6, (7, 9)]:
    print(F.interpolate(x.detach(), size=size).sum().item(), F.interpolate(x.detach(), size=size, mode="nearest-exact")[0, 1])
for s in [1.5, 2.3, (0.5, 1.7), 3]:
    z = F.interpolate(x.detach(), scale_factor=s)
    print(z.shape, z.sum().item(), F.interpolate(x.detach(), scale_factor=s, recompute_scale_factor=True).shape)
x1 = torch.arange(5.).reshape(1, 1, 5)
print(F.interpolate(x1, size=12), F.interpolate(x1, scale_factor=1.7, mode="nearest-exact"))
x3 = torch.arange(8.).reshape(1, 1, 2, 2, 2)
print(F.interpolate(x3, scale_factor=(1, 2, 1.5)).shape)
for bad in [dict(size=3, scale_factor=2), dict(), dict(size=(1, 2, 3)), dict(scale_factor=(1, 2, 3)), dict(size=3, align_corners=True), dict(size=3, recompute_scale_factor=True)]:
    try:
        F.interpolate(x, **bad)
    except Exception as e:
        print(type(e).__name__, e)
