import torch
import math
import torch.nn as nn
from torch import tensor, zeros
import torch as T
from math import sqrt, pi
# import forms and module attributes
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.inf, sqrt(2), pi)
print(math.log(math.e), math.exp(0), math.isnan(float('nan')), math.isinf(math.inf), math.fabs(-3), math.log2(8), math.log10(1000))
print(tensor([1, 2]), zeros(2), T.ones(1), T is torch, T.float32)
print(torch.__name__, math.__name__, nn.__name__)
