import torch
# comparisons, logical ops, where
a = torch.tensor([1, 5, 3, 7])
b = torch.tensor([2, 5, 1, 8])
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a > 3, 3 < a, a == 5, torch.eq(a, b), torch.gt(a, 2), a.lt(b), a.ne(5))
m = a > 2
print(m, m.dtype, ~m, m & (a < 7), m | (a == 1), m ^ (a > 4), m.sum(), m.any(), m.all(), m.float())
print(torch.where(a > b, a, b), torch.where(m, a, 0), torch.where(m, 1.0, 0.0), torch.where(a > 4, a, -a))
print(torch.where(torch.tensor([True, False]), torch.tensor([1.5, 2.5]), torch.tensor(0)))
print(torch.equal(a, a.clone()), torch.equal(a, b), torch.allclose(torch.tensor([1.0]), torch.tensor([1.0 + 1e-9])))
print(torch.isnan(torch.tensor([1.0, float('nan')])), torch.isinf(torch.tensor([float('inf'), 0.0])), torch.tensor([0.0]) == -0.0)
print(torch.logical_and(m, a < 7), torch.logical_not(m), torch.logical_or(m, a == 1))
print(a.eq(b).sum().item(), (a == b).nonzero(), torch.nonzero(a > 2))
