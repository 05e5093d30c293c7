import torch
import torch.nn as nn


def nest(levels):
    m = nn.ReLU()
    for i in range(levels):
        m = nn.Sequential(m)
    return m

# eval() is train(False): one more frame.
m = nest(900)
print(m.eval() is m, m.training)
nest(1100).eval()
