import torch
x = torch.randn(2, 3)
y = x @ x.t()
print(y.sum(dim=0, keepdim=True))
for i in range(3):
    x = x * 2 + i
print(f"{x.shape} {x.dtype!r:>10}")
