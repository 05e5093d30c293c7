import torch
# expand works from the last dim back: a new leading dim's stride is the next dim's extent
print(torch.randn(3).expand(1, 3).stride(), torch.randn(3).expand(1, 1, 3).stride())
print(torch.randn(2, 3).t().expand(1, 3, 2).stride(), torch.randn(2, 3)[:, ::2].expand(1, 4, 2, 2).stride())
x = torch.randn(3, requires_grad=True)
y = x.expand(1, 2, 3)
print(y.stride(), y.is_contiguous(), y.contiguous().stride())
y.sum().backward()
print(x.grad)
print(torch.randn(2, 3).expand(4, 2, -1).shape)
torch.randn(2, 1).expand(-1, 3, -1)
