import torch
import torch.nn as nn
import torch.nn.functional as F
m = nn.Conv2d(3, 4, 3, stride=2, padding=1)
x = torch.randn(1, 3, 8, 8, requires_grad=True)
y = F.max_pool2d(m(x), 2)
y.sum().backward()
print(x.grad.shape)
