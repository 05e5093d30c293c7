# F.interpolate and nn.Upsample in linear, bilinear, trilinear and area modes: values bit for bit
# (hashes of every element), gradients, grad_fn names, scale factors, align_corners, checks.
import torch
import torch.nn as nn
import torch.nn.functional as F


def digest(t):
    return hash(tuple(t.flatten().tolist()))


torch.manual_seed(0)
x = torch.randn(1, 2, 3, 4, requires_grad=True)
up = nn.Upsample(scale_factor=2, mode="bilinear")
print(up, nn.Upsample(size=(5, 7), mode="bilinear", align_corners=True), nn.UpsamplingBilinear2d(scale_factor=3))
y = up(x)
print(y.shape, y.grad_fn.name(), y[0, 0])
(y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
print(x.grad)
print(nn.UpsamplingBilinear2d(size=(4, 6))(x.detach()))
# the channels-last kernel (small outputs), its vector and scalar channels, and the generic kernel
cases = [((1, 1, 4, 4), (8, 8)), ((1, 3, 5, 7), (12, 17)), ((2, 20, 6, 6), (13, 11)), ((1, 35, 7, 3), (30, 21)),
         ((1, 2, 40, 50), (100, 120)), ((1, 4, 64, 64), (100, 100)), ((1, 17, 3, 4), (64, 64)), ((1, 3, 9, 9), (4, 5)),
         ((1, 12, 5, 5), (5, 9))]
for shape, size in cases:
    for dtype in (torch.float32, torch.float64):
        for ac in (False, True):
            a = torch.randn(shape, dtype=dtype, requires_grad=True)
            b = F.interpolate(a, size=size, mode="bilinear", align_corners=ac)
            b.backward(torch.randn(b.shape, dtype=dtype))
            print(shape, size, dtype, ac, b.dtype, digest(b), digest(a.grad))
for s in [1.7, 2.5, (0.5, 1.3), 3, 0.75]:
    z = F.interpolate(x.detach(), scale_factor=s, mode="bilinear")
    r = F.interpolate(x.detach(), scale_factor=s, mode="bilinear", recompute_scale_factor=True)
    print(s, z.shape, digest(z), r.shape, digest(r))
# linear (3-d) and trilinear (5-d)
for shape, size in [((1, 2, 7), 19), ((2, 3, 40), 97), ((1, 1, 9), 4), ((3, 2, 5), 5)]:
    for dtype in (torch.float32, torch.float64):
        for ac in (False, True):
            a = torch.randn(shape, dtype=dtype, requires_grad=True)
            b = F.interpolate(a, size=size, mode="linear", align_corners=ac)
            b.backward(torch.randn(b.shape, dtype=dtype))
            print(shape, size, ac, b.grad_fn.name(), digest(b), digest(a.grad))
print(F.interpolate(torch.arange(5.).reshape(1, 1, 5), scale_factor=1.6, mode="linear"))
for shape, size in [((1, 2, 3, 4, 5), (7, 9, 11)), ((1, 1, 9, 9, 9), (4, 5, 6)), ((1, 5, 2, 2, 2), (3, 4, 5))]:
    for dtype in (torch.float32, torch.float64):
        for ac in (False, True):
            a = torch.randn(shape, dtype=dtype, requires_grad=True)
            b = F.interpolate(a, size=size, mode="trilinear", align_corners=ac)
            b.backward(torch.randn(b.shape, dtype=dtype))
            print(shape, size, ac, b.grad_fn.name(), digest(b), digest(a.grad))
print(nn.Upsample(scale_factor=(1, 2, 1.5), mode="trilinear")(torch.arange(8.).reshape(1, 1, 2, 2, 2)))
# area: adaptive average pooling
a = torch.randn(1, 2, 6, 9)
print(F.interpolate(a, size=(3, 4), mode="area"), F.interpolate(a, scale_factor=0.5, mode="area").shape)
print(F.interpolate(torch.arange(10.).reshape(1, 1, 10), size=4, mode="area"))
print(F.interpolate(torch.randn(1, 1, 4, 4, 4), scale_factor=0.5, mode="area").shape)
# a model that upsamples in its forward, and the checks
seg = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False), nn.Conv2d(4, 2, 1))
print(seg)
out = seg(torch.randn(2, 3, 8, 8))
out.mean().backward()
print(out.shape, out.grad_fn.name(), round(out.sum().item(), 3), seg[0].weight.grad.shape)
for bad in [dict(size=(3, 4), mode="linear"), dict(size=3, mode="trilinear"), dict(size=(5, 5), mode="bilinear", antialias=False, align_corners=None),
            dict(size=(4, 4), mode="area", align_corners=True), dict(size=(2.5, 3), mode="bilinear"), dict(size=(4, 4), mode="lanczos", antialias=False),
            dict(size=(4, 4), mode="lanczos", align_corners=True), dict(size=(4, 4), mode="cubic")]:
    try:
        print(F.interpolate(x.detach(), **bad).shape)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [dict(size=4, mode="bilinear"), dict(size=4, mode="trilinear"), dict(size=4, mode="linear", antialias=True)]:
    try:
        F.interpolate(torch.randn(1, 2, 5), **bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.interpolate(torch.randn(1, 2, 3, 3, 3), size=4, mode="bilinear")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(torch.randn(1, 2, 3, 3, 3), size=4, mode="linear")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.interpolate(torch.randn(2, 3), size=4, mode="linear")
except Exception as e:
    print(type(e).__name__, e)
for a, size, mode in [(torch.arange(6).reshape(1, 1, 2, 3), 4, "bilinear"), (torch.arange(6).reshape(1, 1, 2, 3), 100, "bilinear"),
                      (torch.arange(6).reshape(1, 2, 3), 7, "linear"), (torch.arange(8).reshape(1, 1, 2, 2, 2), 3, "trilinear"),
                      (torch.arange(8).reshape(1, 1, 2, 2, 2) > 2, 3, "nearest"), (torch.arange(6).reshape(1, 1, 2, 3), 4, "nearest"),
                      (torch.arange(6).reshape(1, 1, 2, 3).int(), 400, "nearest-exact"), (torch.ones(1, 1, 2, 3), (0, 4), "bilinear"),
                      (torch.ones(1, 1, 3), 0, "linear"), (torch.ones(1, 1, 1, 2, 0), 2, "trilinear"), (torch.ones(1, 1, 3), 0, "nearest")]:
    try:
        F.interpolate(a, size=size, mode=mode)
    except Exception as e:
        print(type(e).__name__, e)
