import torch
# Python scalars with tensors on either side, reversed operators, 0-d tensors in Python arithmetic
t = torch.tensor([1.0, 2.0, 4.0])
print(1 + t, 1 - t, 2 * t, 8 / t, 2 ** t, 7 // t, 7 % t, -t + 0.5, abs(-t))
print(t + True, t * False, (t > 1) + 0, (t > 1) * 1.5, t == 2.0, 2.0 == t, 1 < t)
s = torch.tensor(3)
print(s + 1, 1 + s, s * 2.5, s / 2, s // 2, s ** 2, -s, s.item() + 1, int(s) * 2, float(s) / 2)
print(torch.tensor(2.5) * 2, 10 - torch.tensor(0.5), round(torch.tensor(2.567).item(), 2), math_ok if False else 'ok')
n = torch.tensor(0.1, dtype=torch.float64)
print(n * 3, n + 0.2, (n + 0.2).item(), torch.tensor(0.1) + 0.2, (torch.tensor(0.1) + 0.2).item())
print(max(torch.tensor(1), torch.tensor(3)), min([torch.tensor(2.0), torch.tensor(-1.0)]), sum([torch.tensor(1), torch.tensor(2)]), sorted([3, 1]))
print(sum(torch.tensor([1, 2, 3])), sum(torch.ones(2, 2)), list(torch.arange(3)), [int(v) for v in torch.arange(3)])
