# Python classes derived from the Swift layers: super().__init__/forward, _conv_forward,
# extra_repr, reset_parameters overrides, containers subclassed, state_dict, training.
import torch
import torch.nn as nn
import torch.nn.functional as F
class MyLinear(nn.Linear):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.scale = 2.0
    def forward(self, x):
        return super().forward(x) * self.scale
torch.manual_seed(0)
m = MyLinear(3, 2)
print(m)
print(m(torch.ones(1, 3)))
print(isinstance(m, nn.Linear), type(m).__mro__)
print([n for n, _ in m.named_parameters()], m.in_features, m.weight.shape)
class Plain(nn.Linear):
    pass
p = Plain(4, 3, bias=False)
print(p, p(torch.ones(2, 4)).shape, p.bias)
class ZeroLinear(nn.Linear):
    def reset_parameters(self):
        nn.init.zeros_(self.weight)
        if self.bias is not None:
            nn.init.ones_(self.bias)
torch.manual_seed(1)
z = ZeroLinear(2, 2)
print(z.weight, z.bias, torch.rand(1))
class WSConv2d(nn.Conv2d):
    def forward(self, x):
        w = self.weight
        w = (w - w.mean(dim=(1, 2, 3), keepdim=True)) / (w.std(dim=(1, 2, 3), keepdim=True) + 1e-5)
        return self._conv_forward(x, w, self.bias)
    def extra_repr(self):
        return super().extra_repr() + ", ws=True"
torch.manual_seed(0)
c = WSConv2d(2, 3, 3, padding=1)
print(c)
y = c(torch.randn(1, 2, 4, 4))
print(y.sum())
y.sum().backward()
print(c.weight.grad.shape)
class Block(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))
b = Block(2, 4)
print(b, len(b), b[0])
print(b(torch.randn(2, 2, 5, 5)).shape)
b.append(nn.Identity())
print(len(b), [type(x).__name__ for x in b])
print(list(b.state_dict().keys()))
b.eval(); print(b.training, b[1].training)
class MyBN(nn.BatchNorm1d):
    pass
bn = MyBN(3)
print(bn, bn.running_mean, bn.momentum)
print(bn(torch.arange(6.).reshape(2, 3)))
class TwoOut(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = MyLinear(2, 2)
    def forward(self, x): return self.fc(x)
print(TwoOut())
class ML(nn.ModuleList):
    def forward(self, x):
        for l in self: x = l(x)
        return x
ml = ML([nn.Linear(2, 2) for _ in range(2)])
print(ml, ml(torch.ones(1, 2)).shape)
print(nn.Linear.forward(m, torch.ones(1, 3)))


class MyReLU(nn.ReLU):
    def forward(self, x):
        return super().forward(x) * 2
r = MyReLU(inplace=False)
print(r, r(torch.tensor([-1., 2.])), r.inplace)
class Up(nn.ConvTranspose2d):
    pass
torch.manual_seed(0)
u = Up(2, 1, 3, stride=2)
print(u(torch.ones(1, 2, 3, 3), output_size=[8, 8]).shape)
seq = nn.Sequential(MyReLU(), nn.Linear(2, 2))
h = seq[0].register_forward_hook(lambda m, i, o: print("hook", type(m).__name__, o))
torch.manual_seed(0)
print(seq(torch.tensor([[-1., 3.]])))
h.remove()
class A(nn.Linear):
    def __init__(self):
        pass
a = A()
try:
    a(torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(a.weight)
except Exception as e:
    print(type(e).__name__, e)
class R(nn.Linear):
    def __init__(self):
        super().__init__(2, 2)
        super().__init__(3, 4)
torch.manual_seed(0)
rr = R()
print(rr, rr.weight.shape, [n for n, _ in rr.named_parameters()])
class Twice(nn.Linear):
    def forward(self, x):
        return self(x)
try:
    Twice(2, 2)(torch.ones(2))
except RecursionError as e:
    print("RecursionError")
class S(nn.Linear):
    pass
torch.manual_seed(3)
s = S(2, 3)
sd = s.state_dict()
print(sd)
s2 = S(2, 3)
print(s2.load_state_dict(sd))
print(torch.equal(s2.weight, s.weight))
opt = torch.optim.SGD(s.parameters(), lr=0.1)
loss = s(torch.ones(4, 2)).pow(2).sum()
loss.backward(); opt.step()
print(s.weight)
print(isinstance(s, nn.Module), issubclass(S, nn.Linear), S.__mro__[1])
print(len(list(s.modules())), s.training, s.eval().training)
print(s.extra_repr(), repr(s.forward)[:30])
class E(nn.Embedding):
    pass
torch.manual_seed(0)
e = E(5, 2, padding_idx=0)
print(e, e(torch.tensor([0, 3])))
class MyBN2(nn.BatchNorm2d):
    def forward(self, x):
        print("training", self.training)
        return super().forward(x)
bn = MyBN2(2)
bn(torch.randn(2, 2, 3, 3)); bn.eval(); bn(torch.randn(2, 2, 3, 3))
print(bn.running_mean, bn.num_batches_tracked)
