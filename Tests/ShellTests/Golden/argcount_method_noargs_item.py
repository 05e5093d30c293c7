import torch
a = torch.tensor([3.5])
print(a.item())
a.item(0)
