import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Sequential(nn.Conv1d(2, 3, 2), nn.PReLU(), nn.Linear(4, 2))
w = m[0].weight
m.double()
print(w.dtype, m[1].weight.dtype, m[2].bias.dtype, w.requires_grad, w is m[0].weight)
y = m(torch.ones(1, 2, 5, dtype=torch.float64))
print(y.dtype, y.shape)
y.sum().backward()
print(w.grad.dtype)
m.float()
print(w.dtype, w.grad.dtype)
print(m.to(torch.float64) is m, m[2].weight.dtype)
print(m.to(torch.zeros(1)) is m, m[2].weight.dtype)
print(m.to(dtype=torch.float64)[0].bias.dtype)
m.to(torch.long)
