import torch
import torch.nn.functional as F
print(F.conv1d(torch.randn(1, 3, 8), torch.randn(2, 3, 3), stride=2, padding=1).shape)
F.conv3d(torch.randn(1, 3, 8, 8), torch.randn(8, 3, 3, 3))
