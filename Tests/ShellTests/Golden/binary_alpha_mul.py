import torch
a = torch.eye(2)
print(a.mul(a))
a.mul(a, alpha=2)
