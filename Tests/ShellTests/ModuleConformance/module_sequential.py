# nn.Sequential: *layers, OrderedDict, indexing, slicing, len, iteration, append/insert/extend, del.
from collections import OrderedDict

import torch
import torch.nn as nn

layers = [nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)]
seq = nn.Sequential(*layers)
print(seq)
print(len(seq), seq[0] is layers[0])
print(seq[-1])
print(seq[1:])
print(type(seq[1:]).__name__, len(seq[::2]))
print([type(m).__name__ for m in seq])

named = nn.Sequential(OrderedDict([
    ("conv1", nn.Conv2d(1, 20, 5)),
    ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(20, 64, 5)),
    ("relu2", nn.ReLU()),
]))
print(named)
print(named.conv1)
print(named[2])
print(named[1:3])
print([n for n, _ in named.named_children()])

seq.append(nn.Sigmoid())
print(seq)
seq.insert(1, nn.Dropout(0.1))
print([type(m).__name__ for m in seq])
seq.extend([nn.Identity(), nn.Flatten()])
print(len(seq), list(seq._modules.keys()))
del seq[0]
print(list(seq._modules.keys()))
print(seq[0])
seq[0] = nn.Tanh()
print(seq)
del seq[1:3]
print(seq)
print(seq.pop(0))
print(seq)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.ReLU())
x = torch.tensor([[1.0, -1.0, 0.5]])
print(model(x))
print(torch.equal(model(x), model[1](model[0](x))))
try:
    seq[10]
except IndexError as e:
    print(type(e).__name__, e)
print(nn.Sequential(nn.ReLU()) + nn.Sequential(nn.Tanh()))
