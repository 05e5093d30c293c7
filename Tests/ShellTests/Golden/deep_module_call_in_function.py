import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# The same limit inside a function.
def apply(m, x):
    return m(x)


x = torch.tensor([-1.0, 2.0])
print(apply(nest(200), x))
print(apply(nest(300), x))
