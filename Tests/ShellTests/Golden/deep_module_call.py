import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# A call recurses four frames per level (_wrapped_call_impl, _call_impl, forward, the child's call).
x = torch.tensor([-1.0, 2.0])
print(nest(200)(x))
print(nest(300)(x))
