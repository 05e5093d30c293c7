import torch
import torch.nn.functional as F
e = torch.randn(1, 2, 5, requires_grad=True)
f = F.pad(e, (0, 5, -2, 0, 10**9, 0))
f.sum().backward()
print(f.shape, e.grad.shape, e.grad.abs().sum())
