# diag, diagonal, diag_embed, tril/triu (and in place), trace, with their gradients and errors.
import torch
x = torch.arange(12.).view(3, 4).requires_grad_()
v = torch.tensor([1., 2., 3.], requires_grad=True)
print(torch.diag(x), torch.diag(x, 1), torch.diag(x, -1), torch.diag(x, 5))
print(torch.diag(v), torch.diag(v, 1), torch.diag(v, -2))
print(torch.diagonal(x), torch.diagonal(x, 1), x.diagonal(offset=-1), torch.diagonal(torch.arange(24).view(2,3,4), 0, 1, 2))
print(torch.tril(x), torch.triu(x, 1), x.tril(-1), torch.triu(torch.ones(2, 3, 3)))
print(torch.trace(x), x.trace())
y = torch.ones(3, 3); y.tril_(); print(y); y.triu_(1); print(y)
print(torch.tril(torch.ones(4, 4, dtype=torch.bool)))
print(x.diagonal().is_contiguous(), x.diagonal().stride())
(x.diag().sum() + x.tril().sum() * 2 + x.trace() + x.diagonal(1).sum()).backward(); print(x.grad)
(v.diag() * torch.arange(9.).view(3,3)).sum().backward(); print(v.grad)
for bad in [lambda: torch.diag(torch.ones(2,2,2)), lambda: torch.tril(torch.ones(3)), lambda: torch.trace(torch.ones(3)),
            lambda: torch.diagonal(x, 0, 0, 0), lambda: torch.diagonal(x, 0, 0, 5), lambda: torch.trace(torch.ones(2,2,2)), lambda: torch.diag(torch.tensor(3.))]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(torch.trace(torch.arange(9).view(3,3)), torch.trace(torch.ones(2, 3, dtype=torch.int32)).dtype)
print(torch.diag_embed(torch.tensor([[1., 2.], [3., 4.]])))
print(x.diag().grad_fn.name(), v.diag().grad_fn.name(), x.diagonal().grad_fn.name(), x.tril().grad_fn.name(), x.triu().grad_fn.name(), x.trace().grad_fn.name())
