import torch
# torch.Size keeps its type through + and *
s = torch.Size([2, 3])
print(s + (4,), (4,) + s, torch.Size([2]) * 2, 2 * torch.Size([2]), s + s)
s + (4.5,)
