# Found by the structured fuzzer: F.pad(x, (16, -3)) on a width-1 input made the padding kernel
# write past each row. PyTorch narrows by negative pads before padding, so cropping more than the
# input holds is an error even when the near pad would refill the width.
import torch
import torch.nn.functional as F
x = torch.arange(12.).reshape(3, 4, 1, 1)
print(F.pad(x, (3, -1, 0, 0)).shape)
print(F.pad(torch.arange(5.), (7, -5), value=2.5))
print(F.pad(torch.arange(6.).reshape(1, 2, 3), (4, -3), mode='constant', value=-1.0))
print(F.pad(torch.ones(1, 1, 2, 2), (0, 0, 3, -2)))
print(F.pad(torch.ones(1, 1, 1, 2, 2), (1, -2, 0, 0, 2, -1)).shape)
print(F.pad(torch.ones(3), (-3, 0)).shape, F.pad(torch.ones(3), (-1, -2)).shape)
y = F.pad(x, (16, -3, 0, 0))
