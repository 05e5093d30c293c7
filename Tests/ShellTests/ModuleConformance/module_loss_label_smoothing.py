# CrossEntropyLoss with label_smoothing (ignored targets included) and with class-probability targets: values, grad_fn, gradients.
import torch, torch.nn as nn, torch.nn.functional as F
torch.manual_seed(7)
x = torch.randn(4, 3, requires_grad=True); t = torch.tensor([0, 2, -100, 1])
for kw in [dict(label_smoothing=0.1), dict(label_smoothing=0.2, reduction="sum"), dict(label_smoothing=0.3, reduction="none")]:
    x.grad = None
    l = F.cross_entropy(x, t, **kw); l.sum().backward()
    print(l, x.grad[0])
p = torch.softmax(torch.randn(4, 3), dim=1)
for kw in [dict(), dict(reduction="sum"), dict(reduction="none"), dict(label_smoothing=0.1)]:
    x.grad = None
    l = F.cross_entropy(x, p, **kw); l.sum().backward()
    print(l, x.grad[1])
print(nn.CrossEntropyLoss(label_smoothing=0.1)(x, torch.tensor([0, 1, 2, 0])))
