# Dropout1d/2d/3d (and Dropout) in train and eval: reprs, channel masks after manual_seed, scaling, grads.
import torch
import torch.nn as nn
import torch.nn.functional as F

for cls in [nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d]:
    m = cls()
    print(m, m.p, m.inplace, m.training)
print(nn.Dropout2d(p=0.25, inplace=True))

torch.manual_seed(0)
d1 = nn.Dropout1d(0.5)
x1 = torch.ones(2, 4, 3)
y1 = d1(x1)
print(y1)
print(d1(torch.ones(4, 3)))
d1.eval()
print(torch.equal(d1(x1), x1))

torch.manual_seed(1)
d2 = nn.Dropout2d(0.4)
y2 = d2(torch.ones(1, 5, 2, 2))
print(y2[0, :, 0, 0])
print((y2[0] == y2[0, :, :1, :1]).all().item())
print(d2(torch.ones(3, 2, 2)).flatten())

torch.manual_seed(2)
d3 = nn.Dropout3d(0.5)
y3 = d3(torch.ones(2, 3, 1, 2, 2))
print(y3[:, :, 0, 0, 0])
d3.eval()
print(d3(torch.ones(1, 2, 1, 1, 1)).flatten())

torch.manual_seed(3)
xg = torch.ones(1, 6, 2, requires_grad=True)
out = F.dropout1d(xg, 0.5, training=True)
print(out.grad_fn.__class__.__name__)
out.sum().backward()
print(xg.grad[0, :, 0])
print(F.dropout2d(torch.ones(1, 2, 2, 2), 0.5, training=False).sum().item())
torch.manual_seed(4)
print(F.dropout(torch.ones(8), 0.5))
print(nn.Dropout(0.0)(torch.ones(3)))
print(nn.Dropout1d(1.0)(torch.ones(1, 2, 2)))
try:
    nn.Dropout2d(1.5)
except ValueError as e:
    print("ValueError", e)
try:
    nn.Dropout1d()(torch.ones(2, 2, 2, 2))
except RuntimeError as e:
    print("RuntimeError", e)
