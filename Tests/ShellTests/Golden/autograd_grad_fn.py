import torch
# grad_fn names for core ops
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = torch.tensor([[0.5, -1.0], [2.0, 1.0]], requires_grad=True)
ops = [x + y, x - y, x * y, x / y, x + 1, x * 2, -x, x ** 2, x @ y, x.sum(), x.mean(), x.sum(0),
       x.exp(), x.log(), x.sqrt(), x.sin(), x.tanh(), x.sigmoid(), x.relu(), x.abs(),
       x.view(4), x.reshape(4), x.t(), x.transpose(0, 1), x[0], x[:, 1], x.unsqueeze(0), x.squeeze(),
       torch.cat([x, y]), torch.stack([x, y]), x.max(), x.clamp(0, 2), torch.where(x > 2, x, y), x.mm(y), x.pow(3), x.flatten()]
for o in ops:
    print(type(o.grad_fn).__name__ if False else o.grad_fn.name())
print(x.grad_fn, (x + 1).grad_fn is not None, x.detach().grad_fn)
