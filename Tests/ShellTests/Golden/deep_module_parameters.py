import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# parameters() walks named_modules recursively.
m = nn.Linear(2, 1)
for i in range(900):
    m = nn.Sequential(m)
print(len(list(m.parameters())))
print([n for n, p in m.named_parameters()][0][-20:])
for i in range(200):
    m = nn.Sequential(m)
list(m.parameters())
