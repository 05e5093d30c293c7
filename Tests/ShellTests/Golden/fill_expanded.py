import torch
import torch.nn as nn
# filling an expanded view writes each memory location once (nnsh does not loop over the repeats)
x = torch.zeros(2, 1)
y = x.expand(2, 2**20).fill_(2)
print(x, y.shape, y[1, 12345])
nn.init.ones_(x.expand(3, 2, 2**10))
print(x)
z = torch.arange(3.).view(3, 1).expand(3, 4)
z.zero_()
print(z)
z.add_(1)
