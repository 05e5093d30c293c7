# copy.deepcopy and copy.copy of modules: tables, tied weights, shared children, frozen
# parameters, buffers, hooks, subclasses of layers, the generator left untouched.
import copy
import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.bn = nn.BatchNorm2d(2)
        self.fc = nn.Linear(2, 2)
        self.head = nn.Sequential(nn.ReLU(), self.fc)
        self.tag = ["a", {"b": 1}]
        self.frozen = nn.Parameter(torch.ones(2), requires_grad=False)
        self.register_buffer("scratch", torch.zeros(1), persistent=False)
    def forward(self, x):
        return self.head(self.bn(self.conv(x)).mean((2, 3)))
torch.manual_seed(0)
net = Net()
x = torch.randn(2, 1, 5, 5)
net(x)
r0 = torch.rand(1)
torch.manual_seed(0)
net = Net(); net(x)
net2 = copy.deepcopy(net)
print(torch.rand(1) == r0)
print(net2)
print(net2.head[1] is net2.fc, net2.fc is net.fc, net2.tag, net2.tag is net.tag)
print(net2.frozen.requires_grad, type(net2.frozen).__name__, net2.bn.running_mean, net2.bn.num_batches_tracked)
print(list(net2.state_dict().keys()))
print(torch.equal(net2(x), net(x)))
with torch.no_grad():
    net2.fc.weight.fill_(0)
print(net.fc.weight.abs().sum() > 0, net2.fc.weight.sum())
net.eval(); n3 = copy.deepcopy(net); print(n3.training, n3.bn.training)
tied = nn.Linear(2, 2); s = nn.Sequential(tied, nn.Linear(2, 2)); s[1].weight = tied.weight
s2 = copy.deepcopy(s); print(s2[1].weight is s2[0].weight, s2[0].weight is tied.weight)
class MyLinear(nn.Linear):
    def forward(self, x): return super().forward(x) + 1
m = MyLinear(2, 3); m.extra = 5
m2 = copy.deepcopy(m); print(m2, type(m2).__name__, m2.extra, torch.equal(m2.weight, m.weight), m2.weight is m.weight)
h = nn.ReLU(); h.register_forward_hook(lambda mod, i, o: print("hook!"))
h2 = copy.deepcopy(h); h2(torch.ones(1))
ml = nn.ModuleList([nn.Linear(1, 1)] * 3); ml2 = copy.deepcopy(ml); print(ml2, ml2[0] is ml2[2])
pl = nn.ParameterList([nn.Parameter(torch.ones(2))]); print(copy.deepcopy(pl))
lstm = nn.LSTM(2, 3); print(copy.deepcopy(lstm), [n for n, _ in copy.deepcopy(lstm).named_parameters()])
w = copy.deepcopy(net.conv.weight); print(w.requires_grad, type(w).__name__)
e = nn.Embedding.from_pretrained(torch.ones(2, 2))
print(copy.deepcopy(e))
l2 = nn.Linear(2,2)
c = copy.copy(l2)
print(c, c.weight is l2.weight)
class N(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(2), requires_grad=False)
        self.register_parameter("v", nn.Parameter(torch.ones(1), requires_grad=False))
n = N()
print(n.w.requires_grad, n.v.requires_grad)
l = nn.Linear(1, 1); l.weight = nn.Parameter(torch.ones(1, 1), requires_grad=False); print(l.weight.requires_grad)
