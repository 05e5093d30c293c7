# Newer activations: reprs, attributes and outputs (4 decimals) of modules and their F forms.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([-7.0, -3.0, -1.5, -0.4, 0.0, 0.3, 1.0, 2.5, 6.5])
mods = [nn.ReLU6(), nn.SELU(), nn.CELU(), nn.CELU(alpha=0.5), nn.Mish(), nn.Threshold(0.5, -2.0),
        nn.Hardsigmoid(), nn.Hardswish(), nn.LogSigmoid(), nn.Softshrink(), nn.Softshrink(1.2),
        nn.Hardshrink(), nn.Hardshrink(lambd=1.0), nn.Tanhshrink(), nn.Softsign()]
for m in mods:
    print(m)
    print(" ", m(x).round(decimals=4))
print(nn.ReLU6(inplace=True), nn.SELU(inplace=True), nn.CELU(2.0, inplace=True))
print(nn.Threshold(0.1, 20, inplace=True), nn.Hardswish(inplace=True), nn.Mish(inplace=True))
print(nn.CELU(alpha=0.5).alpha, nn.Threshold(0.5, -2.0).threshold, nn.Threshold(0.5, -2.0).value)
print(nn.Softshrink(1.2).lambd, nn.Hardshrink().lambd, nn.ReLU6().inplace)

sm = nn.Softmin(dim=1)
print(sm, sm.dim)
x2 = torch.tensor([[1.0, 2.0, 3.0], [0.5, 0.5, -1.0]])
print(sm(x2).round(decimals=4))
print(nn.Softmin(dim=0)(x2).round(decimals=4))
print(F.softmin(x2, dim=-1).sum(-1))

fs = [F.relu6, F.selu, F.celu, F.mish, F.hardsigmoid, F.hardswish, F.logsigmoid,
      F.softshrink, F.hardshrink, F.tanhshrink, F.softsign]
for f in fs:
    print(f.__name__, f(x[2:7]).round(decimals=4))
print(F.threshold(x, 1.0, 0.0).tolist())
print(F.celu(x[:4], alpha=2.0).round(decimals=4))
print(F.softshrink(x[:4], 2.0).tolist(), F.hardshrink(x[:4], 2.0).tolist())

y = x.clone()
nn.ReLU6(inplace=True)(y)
print(y.tolist())
z = x.clone()
F.threshold_(z, 0.0, 9.0)
print(z.tolist())
print(nn.SELU()(torch.tensor([1.0])).item())
