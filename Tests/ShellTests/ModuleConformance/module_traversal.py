# children, named_children, modules, named_modules (a shared submodule appears once).
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        shared = nn.Linear(2, 2)
        self.a = shared
        self.seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), shared)
        self.b = shared
        self.inner = nn.ModuleDict({"x": nn.Tanh(), "y": nn.Sequential(nn.Identity())})


net = Net()
print([type(c).__name__ for c in net.children()])
print([n for n, _ in net.named_children()])
print([type(m).__name__ for m in net.modules()])
for name, m in net.named_modules():
    print(repr(name), type(m).__name__)
print([n for n, _ in net.named_modules(prefix="root")])
print(len(list(net.modules())))
print(net.a is net.b, net.seq[2] is net.a)
print(len(list(net.parameters())))
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.seq.named_children()])
print(list(nn.ReLU().children()))
print([n for n, _ in nn.ReLU().named_modules()])
