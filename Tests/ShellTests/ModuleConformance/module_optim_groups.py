# print(optimizer), param_groups, changing lr between steps, list-of-dict groups, constructor errors.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
sgd = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
print(sgd)
print(len(sgd.param_groups), len(sgd.param_groups[0]["params"]))
print(sorted(sgd.param_groups[0].keys()))
print(sgd.param_groups[0]["lr"], sgd.defaults["momentum"])

w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for lr in [0.1, 0.01, 0.5]:
    opt.param_groups[0]["lr"] = lr
    opt.zero_grad()
    (w * w).sum().backward()
    opt.step()
    print(lr, w.detach())

groups = torch.optim.SGD([
    {"params": model[0].parameters()},
    {"params": model[2].parameters(), "lr": 0.01},
], lr=0.1, momentum=0.9)
print(groups)
print([g["lr"] for g in groups.param_groups], [len(g["params"]) for g in groups.param_groups])
adam = torch.optim.Adam([{"params": [w], "weight_decay": 0.1}], lr=1e-3)
print(adam)
print(torch.optim.AdamW(model.parameters()))
print(type(sgd).__name__, isinstance(sgd, torch.optim.Optimizer))
groups.add_param_group({"params": [torch.zeros(1, requires_grad=True)], "lr": 0.5})
print([g["lr"] for g in groups.param_groups])

for label, make in [
    ("negative lr", lambda: torch.optim.SGD(model.parameters(), lr=-0.1)),
    ("empty", lambda: torch.optim.SGD([], lr=0.1)),
    ("beta", lambda: torch.optim.Adam(model.parameters(), betas=(1.5, 0.999))),
    ("beta2", lambda: torch.optim.Adam(model.parameters(), betas=(0.9, -1.0))),
    ("eps", lambda: torch.optim.Adam(model.parameters(), eps=-1.0)),
    ("momentum", lambda: torch.optim.SGD(model.parameters(), lr=0.1, momentum=-1)),
    ("nesterov", lambda: torch.optim.SGD(model.parameters(), lr=0.1, nesterov=True)),
    ("weight decay", lambda: torch.optim.AdamW(model.parameters(), weight_decay=-1)),
    ("tensor", lambda: torch.optim.SGD(torch.zeros(2, requires_grad=True), lr=0.1)),
    ("duplicate", lambda: torch.optim.SGD([{"params": [w]}, {"params": [w]}], lr=0.1)),
]:
    try:
        make()
        print(label, "no error")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
