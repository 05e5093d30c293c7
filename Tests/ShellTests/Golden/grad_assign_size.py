import torch
x = torch.randn(3, requires_grad=True)
x.grad = torch.ones(3)
print(x.grad)
x.grad = torch.ones(2)
