import torch
# cumsum accumulates in double for float32, as PyTorch's CPU kernel (each output rounded to float).
torch.manual_seed(0)
torch.set_printoptions(precision=10)
x = torch.randn(3, 2000)
print(x.cumsum(1)[:, -3:], x.cumsum(0)[:, :3])
print((x * 1e6).cumsum(1)[:, -2:])
print(torch.tensor([2**62, 2**62, 2**62]).cumsum(0), torch.tensor([[True, False], [True, True]]).cumsum(0))
print(torch.tensor([1, 2, 3], dtype=torch.uint8).cumsum(0).dtype, torch.randn(10**9, 0).cumsum(0).shape, torch.ones(0).cumsum(0))
y = torch.tensor([1., 2., 3.], requires_grad=True)
y.cumsum(0).sum().backward()
print(y.grad, torch.tensor(5.).cumsum(0))
