import torch
# tensor repr details through print/str/repr/format
print(torch.tensor([1.0, 2.0]), repr(torch.tensor([1.5])), str(torch.tensor(2)))
print(torch.tensor([0.1, 0.25, 100.0]), torch.tensor([1e-5, 1.0]), torch.tensor([1e10, 1.0]), torch.tensor([123.456, 0.001]))
print(torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1, 2], dtype=torch.uint8))
print(torch.zeros(0), torch.zeros(2, 0), torch.zeros(0, dtype=torch.int64), torch.tensor([], dtype=torch.bool))
print(torch.arange(12.0).view(3, 4) / 7)
print(torch.arange(2000))
print(torch.tensor([float('nan'), float('inf'), -float('inf'), 1.0]))
print(torch.tensor([[1, -2], [300, 4]]), torch.tensor(-0.0), torch.tensor([-0.0, 1.5]))
t = torch.tensor([1.0, 2.0], requires_grad=True)
print(t, t * 2, (t * 2).sum(), t.detach())
print(torch.tensor([1e-8, 1e-9]), torch.tensor([12345678.0]), torch.tensor([0.5, 1e8]))
print(torch.tensor(3.14159), '%s' % torch.tensor([1, 2]), '{}'.format(torch.tensor(1.5)), f'{torch.tensor([1, 2])}')
