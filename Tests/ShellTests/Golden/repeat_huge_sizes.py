import torch
# repeat multiplies sizes in wrapping int64 and allocates the result first, as PyTorch does
x = torch.randn(2, 3, requires_grad=True)
y = x.repeat(2, 2, 3)
print(y.shape, y.grad_fn.name())
(y * torch.arange(72.).reshape(2, 4, 9)).sum().backward()
print(x.grad)
print(x.repeat(0, 1))
print(torch.randn(2).repeat(2**62, 0).shape, torch.randn(3, 0).repeat(4, 2**62).shape)
print(torch.randn(16, 0, 2**62, 0).tolist())
print(torch.randn(16, 16, 16).repeat(2**62, 0, 0, 0).shape)
torch.randn(3, 3, 3, 3).repeat(2**62, 0, 0, 0)
