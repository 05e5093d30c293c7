import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# PyTorch repr() recurses three Python frames per level: about 330 levels fit under the recursion limit
# (the exact limit depends on the frames already on the stack).
m = nest(300)
r = repr(m)
print(len(r), r.count(chr(10)), r[-12:].strip())
repr(nest(400))
