# Slicing a subclassed Sequential or ModuleList is `self.__class__(...)` in PyTorch: a subclass's
# own __init__ runs on the slice (and fails here, as it does in PyTorch).
import torch
import torch.nn as nn
from collections import OrderedDict

class Stack(nn.Sequential):
    pass

s = Stack(nn.ReLU(), nn.Tanh(), nn.Sigmoid())
t = s[1:]
print(type(t).__name__, t, list(t._modules.keys()))

class Layers(nn.ModuleList):
    def forward(self, x):
        for m in self:
            x = m(x)
        return x

ls = Layers([nn.ReLU(), nn.Identity(), nn.Tanh()])
print(type(ls[::2]).__name__, ls[::2], ls[::2](torch.tensor([-1.0, 1.0])))
print(bool(Stack()), bool(s), len(s))

class Block(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(OrderedDict(conv=nn.Conv2d(cin, cout, 1), act=nn.ReLU()))

b = Block(1, 2)
print(b)
print(b[0])
b[1:]
