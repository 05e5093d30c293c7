# Gradients and grad_fn names of the newer activations (modules and F forms), including kinks.
import torch
import torch.nn as nn
import torch.nn.functional as F

base = torch.tensor([-4.0, -2.0, -0.7, 0.2, 1.0, 3.5, 7.0])
mods = [nn.ReLU6(), nn.SELU(), nn.CELU(0.8), nn.Mish(), nn.Threshold(1.0, 5.0), nn.Hardsigmoid(),
        nn.Hardswish(), nn.LogSigmoid(), nn.Softshrink(0.5), nn.Hardshrink(0.5), nn.Tanhshrink(),
        nn.Softsign()]
for m in mods:
    x = base.clone().requires_grad_()
    y = m(x)
    y.sum().backward()
    print(type(m).__name__, y.grad_fn.__class__.__name__)
    print(" ", x.grad.round(decimals=4))

kinks = torch.tensor([0.0, 6.0, -3.0, 3.0, 0.5, -0.5], requires_grad=True)
F.relu6(kinks).sum().backward()
print("relu6 kinks", kinks.grad)
kinks.grad = None
F.hardsigmoid(kinks).sum().backward()
print("hardsigmoid kinks", kinks.grad.round(decimals=4))
kinks.grad = None
F.hardswish(kinks).sum().backward()
print("hardswish kinks", kinks.grad.round(decimals=4))
kinks.grad = None
F.softshrink(kinks, 0.5).sum().backward()
print("softshrink kinks", kinks.grad)

x2 = torch.tensor([[1.0, 2.0, 0.0], [-1.0, 1.0, 3.0]], requires_grad=True)
s = nn.Softmin(dim=1)(x2)
print(s.grad_fn.__class__.__name__)
(s * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x2.grad.round(decimals=4))

w = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
loss = (F.mish(w) * F.selu(w)).sum() + F.logsigmoid(w).mean()
print(round(loss.item(), 4))
loss.backward()
print(w.grad.round(decimals=4))
