# LambdaLR and MultiplicativeLR: one lambda, a list of lambdas per group, lr_lambdas, warmup.
import torch
from torch.optim.lr_scheduler import LambdaLR, MultiplicativeLR

p1 = torch.nn.Parameter(torch.ones(1))
p2 = torch.nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([p1], lr=0.5)
warm = LambdaLR(opt, lr_lambda=lambda e: min(1.0, (e + 1) / 4))
print(type(warm).__name__, warm.last_epoch, len(warm.lr_lambdas))
print(round(opt.param_groups[0]["lr"], 6), warm.get_last_lr())
lrs = []
for _ in range(6):
    opt.step()
    warm.step()
    lrs.append(round(opt.param_groups[0]["lr"], 6))
print(lrs)

opt = torch.optim.SGD([{"params": [p1]}, {"params": [p2], "lr": 0.2}], lr=1.0)
sched = LambdaLR(opt, [lambda e: 0.5 ** e, lambda e: 1.0 / (e + 1)])
for _ in range(4):
    opt.step()
    sched.step()
    print(sched.last_epoch, [round(v, 6) for v in sched.get_last_lr()])
print(sched.base_lrs)

opt = torch.optim.SGD([p1], lr=1.0)
mult = MultiplicativeLR(opt, lr_lambda=lambda e: 0.9)
out = []
for _ in range(5):
    opt.step()
    mult.step()
    out.append(round(mult.get_last_lr()[0], 6))
print(out)

def factor(epoch):
    return 0.5 if epoch % 2 == 0 else 1.0

opt = torch.optim.SGD([p1, p2], lr=0.8)
mult2 = MultiplicativeLR(opt, factor)
out = []
for _ in range(6):
    opt.step()
    mult2.step()
    out.append(round(opt.param_groups[0]["lr"], 6))
print(out, mult2.last_epoch)
try:
    LambdaLR(torch.optim.SGD([{"params": [p1]}, {"params": [p2]}], lr=1.0), [lambda e: 1.0])
except ValueError as e:
    print("ValueError", e)
