import torch
import torch.nn as nn
# in-place ops that read what they write refuse expanded tensors; fill_, zero_ and item assignment accept them
z = torch.arange(3.).view(3, 1).expand(3, 4)
z.fill_(7)
z[0] = 5
print(z, z.masked_fill_(torch.ones(3, 4, dtype=torch.bool), 1.0))
print(torch.ones(3, dtype=torch.long).view(3, 1).expand(3, 2).fill_(2**60))
w = torch.zeros(2, 1).expand(2, 3)
print(w.clone().add_(1))
nn.init.normal_(w)
