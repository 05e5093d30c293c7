# Found by the structured fuzzer: the backward of minimum/maximum between an integer and a float
# tensor compared them as one element type and read past the smaller buffer.
import torch
torch.manual_seed(91)
e = torch.randn(1, 2, 5, requires_grad=True)
a = e.max()
d = torch.arange(6)
m = torch.minimum(d, a)
print(m)
m.sum().backward()
print(e.grad)
x = torch.randn(3, requires_grad=True)
y = torch.maximum(torch.tensor([1, 0, 5]), x)
y.sum().backward()
print(x.grad, y.dtype, y.grad_fn.name())
