# CrossEntropyLoss with weight= + label_smoothing (index targets, ignore_index) and weight= with probability
# targets; BCEWithLogitsLoss with pos_weight (broadcast, with weight), gradients, grad_fn names, errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(4, 5, requires_grad=True)
w = torch.tensor([1.0, 2.0, 0.5, 1.5, 0.25])
t = torch.tensor([1, 0, 4, 2])
ti = torch.tensor([1, -100, 4, 3])
for tt, kw in [(t, dict()), (ti, dict()), (t, dict(ignore_index=4))]:
    for red in ["none", "sum", "mean"]:
        x.grad = None
        loss = F.cross_entropy(x, tt, weight=w, label_smoothing=0.2, reduction=red, **kw)
        loss.sum().backward()
        print(red, tt.tolist(), kw, loss.detach(), loss.grad_fn.name())
        print(x.grad)
crit = nn.CrossEntropyLoss(weight=w, label_smoothing=0.1)
print(crit, crit(x, t).item())

p = torch.softmax(torch.randn(4, 5), dim=1)
for ls in [0.0, 0.3]:
    for red in ["none", "sum", "mean"]:
        x.grad = None
        loss = nn.CrossEntropyLoss(weight=w, label_smoothing=ls, reduction=red)(x, p)
        loss.sum().backward()
        print(ls, red, loss.detach(), loss.grad_fn.name())
        print(x.grad[0], x.grad[3])
xd = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
wd = torch.tensor([0.5, 1.0, 2.0, 1.0], dtype=torch.float64)
ld = F.cross_entropy(xd, torch.tensor([3, 0, 1]), weight=wd, label_smoothing=0.15)
ld.backward()
print(ld, xd.grad)
lp = F.cross_entropy(xd, torch.softmax(xd.detach() * 2, 1), weight=wd, label_smoothing=0.05, reduction="sum")
print(lp)

z = torch.randn(4, 3, requires_grad=True)
y = torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.5, 0.2, 0.9]], requires_grad=True)
pw = torch.tensor([2.0, 0.5, 3.0])
bw = torch.tensor([1.0, 0.0, 2.0])
for label, kw in [("pw", dict(pos_weight=pw)), ("pw+w", dict(pos_weight=pw, weight=bw)),
                  ("pw[1]", dict(pos_weight=torch.tensor([4.0]))), ("w", dict(weight=bw))]:
    for red in ["none", "sum", "mean"]:
        z.grad = y.grad = None
        loss = F.binary_cross_entropy_with_logits(z, y, reduction=red, **kw)
        loss.sum().backward()
        print(label, red, loss.detach(), loss.grad_fn.name())
        print(z.grad)
        print(y.grad)
bce = nn.BCEWithLogitsLoss(pos_weight=pw)
print(bce, bce.pos_weight, bce(z, y).item())
z3 = torch.randn(2, 2, 3)
print(nn.BCEWithLogitsLoss(pos_weight=pw, reduction="sum")(z3, torch.ones(2, 2, 3)).item())
zd = torch.tensor([[-30.0, 0.0, 40.0]], dtype=torch.float64, requires_grad=True)
ld = F.binary_cross_entropy_with_logits(zd, torch.tensor([[1.0, 0.0, 0.0]], dtype=torch.float64),
                                        pos_weight=torch.tensor([2.0, 3.0, 0.5], dtype=torch.float64), reduction="none")
ld.sum().backward()
print(ld, zd.grad)

for label, kw in [("long pos_weight", dict(pos_weight=torch.tensor([1.0, 2.0]))),
                  ("2d pos_weight", dict(pos_weight=torch.ones(3, 3))),
                  ("bad weight", dict(weight=torch.ones(2))),
                  ("3d pos_weight", dict(pos_weight=torch.ones(2, 4, 3))),
                  ("3d weight", dict(weight=torch.ones(2, 4, 3)))]:
    try:
        F.binary_cross_entropy_with_logits(z, y, **kw)
        print(label, "no error")
    except (RuntimeError, ValueError) as e:
        print(label, type(e).__name__, e)
for label, args in [("ce weight", (x, t, torch.ones(3))), ("ce prob weight", (x, p, torch.ones(4)))]:
    try:
        F.cross_entropy(args[0], args[1], weight=args[2], label_smoothing=0.1)
        print(label, "no error")
    except (RuntimeError, ValueError) as e:
        print(label, type(e).__name__, e)
