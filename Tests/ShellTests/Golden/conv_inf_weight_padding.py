import torch
import torch.nn.functional as F
# A non-finite weight next to the zero padding: PyTorch's float32 depthwise kernel skips the padded
# taps (finite border), its other paths multiply the zeros (inf * 0 = nan at the border).
inf = float('inf')
def w2d(o, c):
    w = torch.ones(o, c, 3, 3)
    w[:, :, 0, 0] = inf
    return w
print(F.conv2d(torch.ones(1, 1, 3, 3), w2d(1, 1), padding=1))
print(F.conv2d(torch.ones(1, 2, 3, 3), w2d(2, 1), padding=1, groups=2))
print(F.conv2d(torch.ones(1, 2, 3, 3), w2d(4, 1), padding=1, groups=2)[0, 0])
print(F.conv2d(torch.ones(1, 4, 3, 3), w2d(2, 2), padding=1, groups=2)[0, 0])
print(F.conv2d(torch.ones(1, 3, 3, 3), w2d(1, 3), padding=1))
print(F.conv2d(torch.ones(1, 2, 3, 3, dtype=torch.float64), w2d(2, 1).double(), padding=1, groups=2)[0, 0])
print(F.conv2d(torch.ones(1, 2, 5, 5), w2d(2, 1), padding=1, groups=2, stride=2)[0, 0])
w1 = torch.ones(2, 1, 3)
w1[:, :, 0] = inf
print(F.conv1d(torch.ones(1, 2, 4), w1, padding=1, groups=2))
print(F.conv1d(torch.ones(1, 1, 4), w1[:1], padding=1))
w3 = torch.ones(2, 1, 2, 2, 2)
w3[:, :, 0, 0, 0] = float('nan')
print(F.conv3d(torch.ones(1, 2, 2, 2, 2), w3, padding=1, groups=2)[0, 0, 0])
print(F.conv3d(torch.ones(1, 1, 2, 2, 2), w3[:1], padding=1)[0, 0, 0])
print(F.conv2d(torch.ones(1, 1, 3, 3), w2d(1, 1)))
