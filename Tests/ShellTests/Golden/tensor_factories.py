import torch
# zeros ones full empty arange linspace eye *_like
print(torch.zeros(2, 3), torch.zeros((2,)), torch.zeros([1, 2], dtype=torch.int64))
print(torch.ones(3), torch.ones(2, 2, dtype=torch.bool), torch.ones(0))
print(torch.full((2, 2), 7), torch.full((2,), 1.5), torch.full((1, 2), True), torch.full((2,), 3, dtype=torch.float32))
print(torch.empty(2, 3).shape, torch.empty(0).numel(), torch.empty(2, dtype=torch.int32).dtype)
print(torch.arange(5), torch.arange(1, 4), torch.arange(0, 1, 0.25), torch.arange(5, 0, -2), torch.arange(0.5, 3), torch.arange(3, dtype=torch.float32))
print(torch.linspace(0, 1, 5), torch.linspace(-1, 1, 3), torch.linspace(0, 10, 1), torch.linspace(1, 2, 4, dtype=torch.float64))
print(torch.eye(3), torch.eye(2, 3), torch.eye(2, dtype=torch.int64))
x = torch.tensor([[1, 2], [3, 4]])
y = torch.tensor([1.5, 2.5])
print(torch.zeros_like(x), torch.ones_like(y), torch.full_like(x, 9), torch.empty_like(y).shape, torch.zeros_like(x, dtype=torch.float32))
print(torch.arange(10).dtype, torch.arange(1.0, 2.0).dtype, torch.linspace(0, 1, 3).dtype, torch.full((1,), 2).dtype, torch.full((1,), 2.0).dtype)
print(torch.arange(6).reshape(2, 3), torch.arange(12).view(3, 4))
