import torch
import torch.nn as nn
# dirac_ follows PyTorch's Python loop: groups <= 0 writes nothing, empty dims 0/1 too
w = torch.full((2, 2, 3), 5.0)
print(nn.init.dirac_(w, -1), nn.init.dirac_(torch.ones(2, 2, 3), -2))
print(nn.init.dirac_(torch.empty(0, 2, 3)), nn.init.dirac_(torch.empty(2, 0, 3)))
print(nn.init.dirac_(torch.empty(4, 2, 3, 1), 2))
print(nn.init.dirac_(torch.ones(2**62, 0, 4).permute(1, 0, 2)).shape)
nn.init.dirac_(torch.empty(2, 2, 0))
