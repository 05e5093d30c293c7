import torch
# more autograd: accumulation, detach, requires_grad_, grad of views, leaf flags, no_grad updates
w = torch.tensor([1.0, 2.0], requires_grad=True)
for step in range(3):
    loss = (w * w).sum()
    loss.backward()
    print(step, w.grad)
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad.zero_()
print(w, w.requires_grad, w.is_leaf)
a = torch.tensor(3.0, requires_grad=True)
b = a * 2
c = b.detach() * a
c.backward()
print(a.grad, b.is_leaf, b.requires_grad, c.grad_fn.name())
x = torch.ones(2, 3, requires_grad=True)
y = x.sum(dim=1)
y.backward(torch.tensor([1.0, 2.0]))
print(x.grad)
z = torch.zeros(3, requires_grad=True)
print(z.grad_fn, (z + 1).grad_fn.name(), (z * 1).sum().grad_fn.name(), z.data.requires_grad)
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
out = (m @ m.t()).trace() if False else (m @ m.t()).sum()
out.backward()
print(m.grad)
p = torch.tensor([1.0, 4.0], requires_grad=True)
q = (p.sqrt() * p.log()).mean()
q.backward()
print(p.grad)
s = torch.tensor([0.5, -0.5], requires_grad=True)
(s.sigmoid().sum() + s.tanh().sum() + s.relu().sum() + s.abs().sum()).backward()
print(s.grad)
