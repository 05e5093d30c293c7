import torch
import torch.nn as nn
print(nn.Conv2d(3, 4, 3, bias=False)(torch.ones(1, 3, 5, 5)).shape)
nn.Conv2d(3, 4, 3)(torch.ones(1, 3, 5, 5).double())
