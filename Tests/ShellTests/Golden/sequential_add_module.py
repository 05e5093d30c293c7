import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(3, 4), nn.ReLU())
m.add_module('out', nn.Sigmoid())
print(m, m.out, len(m))
print(m.append(nn.Tanh()))
print(m(torch.ones(1, 3)).shape)
l = nn.Linear(3, 4)
l.add_module('act', nn.ReLU())
print(l)
m.add_module('a.b', nn.ReLU())
