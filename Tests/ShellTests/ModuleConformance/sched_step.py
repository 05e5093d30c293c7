# StepLR and MultiStepLR: lrs over epochs, get_last_lr, last_epoch, base_lrs, initial_lr, gamma.
import torch
from torch.optim.lr_scheduler import StepLR, MultiStepLR

w = torch.nn.Parameter(torch.zeros(2))
opt = torch.optim.SGD([w], lr=0.1)
sched = StepLR(opt, step_size=3, gamma=0.5)
print(type(sched).__name__, sched.last_epoch, sched.base_lrs, sched.step_size, sched.gamma)
print(opt.param_groups[0]["initial_lr"], opt.param_groups[0]["lr"])
print(sched.get_last_lr())
lrs = []
for epoch in range(10):
    opt.step()
    sched.step()
    lrs.append(round(opt.param_groups[0]["lr"], 6))
print(lrs)
print(sched.last_epoch, [round(v, 6) for v in sched.get_last_lr()])
print(sched.optimizer is opt)

w2 = torch.nn.Parameter(torch.zeros(1))
opt2 = torch.optim.SGD([w2], lr=1.0, momentum=0.9)
ms = MultiStepLR(opt2, milestones=[2, 5, 5, 8], gamma=0.1)
print(type(ms).__name__, ms.last_epoch, ms.base_lrs, ms.gamma)
print(sorted(ms.milestones.items()))
out = []
for epoch in range(10):
    opt2.step()
    ms.step()
    out.append((ms.last_epoch, round(ms.get_last_lr()[0], 8)))
print(out)
print(opt2.param_groups[0]["initial_lr"])
print(isinstance(ms, torch.optim.lr_scheduler.LRScheduler))
