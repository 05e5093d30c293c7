import torch
a = torch.tensor([1.0, -2.0])
b = torch.ones(2)
print(torch.add(a, b), torch.add(a, b, alpha=2), a.add(b))
torch.add(a, b, 3)
