import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# print() goes through str(): one frame fewer than repr(), levels too.
m = nest(300)
print(len(str(m)))
print(nest(400))
