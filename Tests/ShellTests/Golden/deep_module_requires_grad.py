import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# requires_grad_ walks parameters().
m = nn.Linear(2, 1)
for i in range(900):
    m = nn.Sequential(m)
print(m.requires_grad_(False) is m)
for i in range(200):
    m = nn.Sequential(m)
m.requires_grad_(False)
