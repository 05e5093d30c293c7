import torch
# torch.autograd.grad, retain_graph, no_grad
x = torch.tensor(3.0, requires_grad=True)
y = x ** 3
g, = torch.autograd.grad(y, x)
print(g, x.grad)
z = x * x
(gz,) = torch.autograd.grad(z, [x], retain_graph=True)
print(gz)
(gz2,) = torch.autograd.grad(z, [x])
print(gz2)
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
out = (a * b).sum()
ga, gb = torch.autograd.grad(out, [a, b])
print(ga, gb)
c = (a ** 2).sum()
c.backward(retain_graph=True)
c.backward()
print(a.grad)
with torch.no_grad():
    d = a * 2
print(d.requires_grad, d.grad_fn)
with torch.no_grad():
    e = a * 3
    with torch.enable_grad():
        f = a * 3
print(e.requires_grad, f.requires_grad, torch.is_grad_enabled())
