import torch
t = torch.tensor([3., 1., 2.])
print(torch.min(t, t), t.max(t), torch.max(t, 0), t.min(0, True), torch.min(t, dim=0, keepdim=False))
t.min(t, 0)
