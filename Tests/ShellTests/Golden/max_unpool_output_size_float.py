import torch
import torch.nn as nn
import torch.nn.functional as F
# MaxUnpool's output_size is a sequence too
x, i = nn.MaxPool1d(2, return_indices=True)(torch.arange(8.).view(1, 1, 8))
print(nn.MaxUnpool1d(2)(x, i, [9]), F.max_unpool1d(x, i, 2, output_size=(1, 1, 8)))
F.max_unpool1d(x, i, 2, output_size=8.0)
