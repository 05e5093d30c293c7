# LayerNorm: int and list shapes, elementwise_affine=False, bias=False, eps; outputs, grads, F form.
import torch
import torch.nn as nn
import torch.nn.functional as F

ln = nn.LayerNorm(4)
print(ln)
print(ln.normalized_shape, ln.eps, ln.elementwise_affine)
print(ln.weight, ln.bias)
x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [2.0, -2.0, 0.5, 0.0]])
y = ln(x)
print(y.round(decimals=4))
print(y.grad_fn.__class__.__name__)

ln2 = nn.LayerNorm([2, 3], eps=1e-3)
print(ln2, ln2.normalized_shape, ln2.weight.shape)
x2 = torch.arange(12.0).reshape(2, 2, 3)
print(ln2(x2).round(decimals=4))

ln3 = nn.LayerNorm(3, elementwise_affine=False)
print(ln3, ln3.weight, ln3.bias)
print(len(list(ln3.parameters())))
print(ln3(torch.tensor([1.0, 5.0, 9.0])).round(decimals=4))

ln4 = nn.LayerNorm(3, bias=False)
print(ln4, ln4.bias)
print([n for n, _ in ln4.named_parameters()])
print(sorted(ln4.state_dict().keys()))

with torch.no_grad():
    ln.weight.copy_(torch.tensor([1.0, 2.0, 0.5, -1.0]))
    ln.bias.fill_(0.25)
y = ln(x)
print(y.round(decimals=4))
(y * torch.tensor([1.0, 0.0, 2.0, -1.0])).sum().backward()
print(ln.weight.grad.round(decimals=4))
print(ln.bias.grad)

xg = torch.tensor([[0.5, 1.5, -1.0]], requires_grad=True)
out = F.layer_norm(xg, (3,))
print(out.round(decimals=4))
(out * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(xg.grad.round(decimals=4))
print(F.layer_norm(x, [4], weight=torch.ones(4) * 2, bias=torch.zeros(4)).round(decimals=4))
