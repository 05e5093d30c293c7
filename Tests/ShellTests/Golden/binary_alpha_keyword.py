import torch
a = torch.eye(2)
b = torch.ones(2, 2)
print(a.add(b, alpha=2), a.sub(b, alpha=0.5), torch.add(a, b, alpha=3), torch.sub(a, b, alpha=2))
c = a.clone()
c.add_(b, alpha=-1)
c.sub_(b, alpha=2)
print(c, a.subtract(b, alpha=3))
a.add(b, 1000)
