# Optimizer.state_dict() / load_state_dict() for every optimizer, through torch.save/torch.load, and the resumed step.
import torch, torch.nn as nn
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
x = torch.randn(8, 3); y = torch.randn(8, 2)
for cls, kw in [(torch.optim.SGD, dict(lr=0.1, momentum=0.9)), (torch.optim.SGD, dict(lr=0.1)), (torch.optim.Adam, dict(lr=0.01)),
                (torch.optim.AdamW, dict(lr=0.01, amsgrad=True)), (torch.optim.RMSprop, dict(lr=0.01, momentum=0.5, centered=True)), (torch.optim.Adagrad, dict(lr=0.1))]:
    opt = cls(net.parameters(), **kw)
    print(opt.state_dict())
    for _ in range(2):
        opt.zero_grad(); ((net(x) - y) ** 2).mean().backward(); opt.step()
    sd = opt.state_dict()
    print(sorted(sd["state"].keys()), {k: (v.shape if isinstance(v, torch.Tensor) else v) for k, v in sd["state"].get(0, {}).items()})
    print(sd["param_groups"])
    torch.save({"opt": sd, "model": net.state_dict()}, "optim_state_dict.pt")
    ck = torch.load("optim_state_dict.pt")
    opt2 = cls(net.parameters(), lr=0.5)
    opt2.load_state_dict(ck["opt"])
    print(opt2.param_groups[0]["lr"], opt2)
    w0 = [p.clone() for p in net.parameters()]
    opt.zero_grad(); ((net(x) - y) ** 2).mean().backward(); opt.step()
    w1 = [p.clone() for p in net.parameters()]
    with torch.no_grad():
        for p, w in zip(net.parameters(), w0): p.copy_(w)
    opt2.zero_grad(); ((net(x) - y) ** 2).mean().backward(); opt2.step()
    print(all(torch.equal(p, w) for p, w in zip(net.parameters(), w1)))
opt = torch.optim.SGD([{"params": net[0].parameters()}, {"params": net[2].parameters(), "lr": 0.5}], lr=0.1)
print(opt.state_dict())
for bad in [{"state": {}, "param_groups": []}, {"state": {}, "param_groups": [{"params": [0]}, {"params": [1]}]}]:
    try: opt.load_state_dict(bad)
    except Exception as e: print(type(e).__name__, e)
import os; os.remove("optim_state_dict.pt")
