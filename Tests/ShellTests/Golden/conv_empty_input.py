import torch
import torch.nn as nn
import torch.nn.functional as F

# Inputs with no batch items or no channels take PyTorch's `Empty` backend: no kernel runs, the output
# has no channels when the input has none, a transposed output size is not checked, and the
# gradients are zero.
print(F.conv2d(torch.zeros(2, 0, 3, 3), torch.randn(4, 0, 2, 2)).shape)
print(F.conv2d(torch.zeros(2, 0, 3, 3), torch.randn(4, 0, 2, 2), torch.ones(4), stride=2))
print(F.conv1d(torch.zeros(0, 5), torch.randn(4, 0, 2)).shape)
print(F.conv3d(torch.zeros(0, 2, 3, 3, 3), torch.randn(4, 2, 1, 1, 1)).shape)
print(F.conv2d(torch.zeros(0, 3, 3, 3, dtype=torch.float64), torch.randn(4, 3, 1, 1, dtype=torch.float64), torch.ones(4, dtype=torch.float64)))
print(F.conv2d(torch.zeros(0, 4, 3, 3, dtype=torch.int64), torch.ones(4, 2, 1, 2, dtype=torch.int64), groups=2))
print(F.conv_transpose1d(torch.zeros(0, 2, 1), torch.randn(2, 3, 1)))
print(F.conv_transpose2d(torch.zeros(0, 2, 3, 3), torch.randn(2, 4, 1, 1), padding=2, output_padding=1, stride=2).shape)
print(F.conv_transpose1d(torch.zeros(0, 2, 0), torch.randn(2, 3, 1)).shape)
x = torch.zeros(2, 0, 3, 3, requires_grad=True)
w = torch.randn(4, 0, 2, 2, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = F.conv2d(x, w, b)
print(y.shape, y.grad_fn.name())
y.sum().backward()
print(x.grad.shape, w.grad.shape, b.grad)
x = torch.zeros(0, 2, 3, 3, requires_grad=True)
w = torch.randn(4, 2, 2, 2, requires_grad=True)
y = F.conv_transpose2d(x, w.transpose(0, 1), b)
print(y.shape, y.grad_fn.name())
y.sum().backward()
print(x.grad.shape, w.grad.abs().sum(), b.grad)
m = nn.Conv2d(3, 6, 3, groups=3)
print(m(torch.zeros(0, 3, 5, 5)).shape)
F.conv2d(torch.zeros(1, 3, 3, 3), torch.randn(2, 3, 3, 3), groups=3)
