# forward with several args and kwargs; tuple, dict and None returns; net.forward called directly.
import torch
import torch.nn as nn


class TwoInputs(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2)
        self.b = nn.Linear(3, 2)

    def forward(self, x, y, scale=1.0, mode="sum"):
        u = self.a(x)
        v = self.b(y)
        if mode == "sum":
            return (u + v) * scale
        if mode == "tuple":
            return u, v
        if mode == "dict":
            return {"u": u.shape, "v": v.shape, "scale": scale}
        return None


class Logger(nn.Module):
    def forward(self, *args, **kwargs):
        return len(args), sorted(kwargs)


torch.manual_seed(0)
m = TwoInputs()
x = torch.ones(1, 2)
y = torch.ones(1, 3)
print(m(x, y))
print(m(x, y, 2.0))
print(m(x, y, scale=0.5))
u, v = m(x, y, mode="tuple")
print(u.shape, v.shape)
print(m(x, y=y, mode="dict"))
print(m(x, y, mode="nothing"))
print(torch.equal(m.forward(x, y), m(x, y)))
print(Logger()(1, 2, 3, a=1, b=2))
print(Logger().forward())
try:
    m(x)
except TypeError as e:
    print(type(e).__name__, e)
