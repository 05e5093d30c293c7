import torch
import torch.nn as nn
print(nn.init.dirac_(torch.empty(3, 1, 3), 3))
nn.init.dirac_(torch.empty(2, 2, 3), 0)
