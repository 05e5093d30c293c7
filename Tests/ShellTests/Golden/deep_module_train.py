import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# train() recurses one frame per level.
m = nest(900)
print(m.train() is m, m.training)
nest(1100).train()
