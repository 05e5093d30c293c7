import torch
# cat stack chunk split
a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[5, 6]])
print(torch.cat([a, b]), torch.cat((a, a), dim=1), torch.cat([a, b], 0).shape, torch.cat([a.float(), b.float()], dim=-2))
print(torch.stack([a, a]), torch.stack([a, a], dim=1).shape, torch.stack([a, a], dim=-1).shape, torch.stack([torch.tensor(1), torch.tensor(2)]))
x = torch.arange(10)
print(x.chunk(3), torch.chunk(x, 5), x.chunk(4))
print(x.split(3), torch.split(x, [2, 3, 5]), x.split(5))
m = torch.arange(12).view(3, 4)
print(m.chunk(2, dim=1), m.split(2, dim=0), m.unbind(0) if False else m.split(1, 1)[3])
print(len(x.chunk(3)), [c.shape for c in m.chunk(2, 1)], torch.cat([torch.zeros(0), torch.ones(2)]))
print(torch.cat([torch.tensor([1]), torch.tensor([2.5])]), torch.stack([torch.zeros(2), torch.ones(2)], 1))
