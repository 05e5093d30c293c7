# Scheduler state_dict keys and values, load_state_dict, step(epoch) closed forms, initial_lr rules.
import torch
from torch.optim.lr_scheduler import StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR

p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
s = StepLR(opt, step_size=2, gamma=0.1)
for _ in range(3):
    opt.step()
    s.step()
sd = s.state_dict()
print(sorted(sd.keys()))
print(sd["step_size"], sd["gamma"], sd["last_epoch"], sd["base_lrs"], [round(v, 6) for v in sd["_last_lr"]])

opt2 = torch.optim.SGD([p], lr=0.1)
s2 = StepLR(opt2, step_size=5, gamma=0.5)
s2.load_state_dict(sd)
print(s2.step_size, s2.gamma, s2.last_epoch)

ms = MultiStepLR(torch.optim.SGD([p], lr=1.0), milestones=[1, 3])
print(sorted(ms.state_dict().keys()))
ex = ExponentialLR(torch.optim.SGD([p], lr=1.0), gamma=0.5)
print(sorted(ex.state_dict().keys()))
cs = CosineAnnealingLR(torch.optim.SGD([p], lr=1.0), T_max=10)
print(sorted(cs.state_dict().keys()))

opt3 = torch.optim.SGD([p], lr=0.1)
st = StepLR(opt3, step_size=2, gamma=0.5)
for e in [4, 1, 7]:
    st.step(e)
    print(e, st.last_epoch, round(opt3.param_groups[0]["lr"], 6))
opt4 = torch.optim.SGD([p], lr=1.0)
ce = CosineAnnealingLR(opt4, T_max=8)
for e in [2, 4, 8]:
    ce.step(e)
    print(e, round(ce.get_last_lr()[0], 6))

opt5 = torch.optim.SGD([p], lr=0.3)
opt5.param_groups[0]["initial_lr"] = 0.6
s5 = ExponentialLR(opt5, gamma=0.5, last_epoch=3)
print(s5.base_lrs, s5.last_epoch, round(opt5.param_groups[0]["lr"], 6))
try:
    ExponentialLR(torch.optim.SGD([p], lr=0.3), gamma=0.5, last_epoch=3)
except KeyError as e:
    print("KeyError", e.args[0].splitlines()[0])
