import torch
import torch.nn as nn
# output_size is a sequence: Python takes len() of it first
m = nn.ConvTranspose2d(1, 1, 2)
print(m(torch.randn(1, 1, 3, 3), torch.Size([4, 4])).shape)
m(torch.randn(1, 3, 3), 4)
