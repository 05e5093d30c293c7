import torch
# retain_grad() makes backward keep a non-leaf's gradient (accumulating across calls)
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
z = x * 2
z.retain_grad()
w = z * z
w.sum().backward(retain_graph=True)
print(z.retains_grad, x.retains_grad, z.grad)
w.sum().backward()
print(z.grad, x.grad)
x.retain_grad()
print(x.retains_grad)
torch.randn(3).retain_grad()
