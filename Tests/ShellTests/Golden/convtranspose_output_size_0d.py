import torch
import torch.nn as nn
# output_size needs the input's spatial dims: a 0-d input has none
m = nn.ConvTranspose1d(0, 0, 0)
print(m)
m(torch.randn([]), [4])
