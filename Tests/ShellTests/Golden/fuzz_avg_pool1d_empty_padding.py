import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.arange(4.).reshape(1, 1, 4)
print(F.avg_pool1d(x, 2, ()), F.avg_pool1d(x, 2, []))
F.avg_pool1d(x, 2, 2, ())
