import torch
# more creation: nested tensors in lists, dtype keywords, requires_grad on factories, from shapes as tuples/lists/Size
print(torch.tensor([torch.tensor(1.5), 2]), torch.tensor([[1, 2]], dtype=torch.float64).dtype, torch.zeros(torch.Size([2, 1])))
print(torch.ones((2, 3)).shape, torch.ones([2]).shape, torch.ones(()).shape, torch.zeros(0, 3).shape, torch.ones(2, 3, requires_grad=True).requires_grad)
print(torch.arange(0, 10, 3), torch.arange(-3, 3), torch.arange(1, 2, 0.3), torch.arange(10, 0, -3.5), torch.arange(0, -1, -0.5))
print(torch.linspace(0, 1, 2), torch.linspace(5, 5, 3), torch.linspace(0, 1, 0), torch.linspace(-10, 10, 7), torch.linspace(0, 1, 11)[3].item())
print(torch.full((2, 2), -1.5), torch.full([3], 0), torch.zeros(3).new_full((2,), 7), torch.eye(1), torch.eye(3, 2))
print(torch.tensor([[True], [False]]).shape, torch.tensor([0.5, 1]).dtype, torch.tensor([1, True]).dtype, torch.tensor([[1.5, 2], [3, 4]]))
print(torch.tensor(3, dtype=torch.float32), torch.tensor([3.9], dtype=torch.int64), torch.tensor([-1], dtype=torch.uint8) if False else torch.tensor([255], dtype=torch.uint8))
print(torch.tensor([1e-3, 1e-2]), torch.tensor([1000.5, 2.25]), torch.tensor([1e5, 1e-5]), torch.tensor([100000.0, 1.0]), torch.tensor([0.0001, 0.0002]))
print(torch.tensor([[1e-10, 1.0], [2.0, 3.0]]), torch.tensor([123456.0]), torch.tensor([1234567.0]), torch.tensor([-5e-5]))
