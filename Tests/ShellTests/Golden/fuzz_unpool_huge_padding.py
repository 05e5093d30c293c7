# Found by a sweep of layer arguments: a padding near 2**62 overflowed the default unpooling size.
import torch
import torch.nn.functional as F
x = torch.randn(1, 1, 6, 6)
i = torch.zeros(1, 1, 6, 6).long()
print(F.max_unpool2d(x, i, 2, 2, 1).shape)
F.max_unpool2d(x, i, 2, 2, 2**62)
