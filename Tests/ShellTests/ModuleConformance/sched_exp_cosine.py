# ExponentialLR and CosineAnnealingLR (with eta_min, past T_max), and two param groups with own lrs.
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.2)
ex = lr_scheduler.ExponentialLR(opt, gamma=0.9)
print(ex.gamma, ex.base_lrs)
vals = []
for _ in range(6):
    opt.step()
    ex.step()
    vals.append(round(ex.get_last_lr()[0], 6))
print(vals, ex.last_epoch)

opt = torch.optim.SGD(model.parameters(), lr=1.0)
cos = lr_scheduler.CosineAnnealingLR(opt, T_max=4)
print(cos.T_max, cos.eta_min, cos.base_lrs)
vals = []
for _ in range(10):
    opt.step()
    cos.step()
    vals.append(round(opt.param_groups[0]["lr"], 6))
print(vals)

opt = torch.optim.SGD(model.parameters(), lr=0.5)
cos2 = lr_scheduler.CosineAnnealingLR(opt, T_max=5, eta_min=0.1)
vals = [round(cos2.get_last_lr()[0], 6)]
for _ in range(7):
    opt.step()
    cos2.step()
    vals.append(round(cos2.get_last_lr()[0], 6))
print(vals)

opt = torch.optim.SGD([{"params": [model.weight]}, {"params": [model.bias], "lr": 0.01}], lr=0.1)
sch = lr_scheduler.ExponentialLR(opt, gamma=0.5)
print(sch.base_lrs, [g["initial_lr"] for g in opt.param_groups])
for _ in range(3):
    opt.step()
    sch.step()
    print(sch.last_epoch, [round(v, 6) for v in sch.get_last_lr()], [round(g["lr"], 6) for g in opt.param_groups])
opt = torch.optim.Adam(model.parameters(), lr=0.01)
cs = lr_scheduler.CosineAnnealingLR(opt, T_max=3, eta_min=0.001)
for _ in range(3):
    opt.step()
    cs.step()
print(round(opt.param_groups[0]["lr"], 6), cs.last_epoch)
