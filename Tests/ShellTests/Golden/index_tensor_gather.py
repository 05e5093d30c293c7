import torch
# integer-tensor indexing and index_select: one gather, repeated picks accumulate their gradients
torch.manual_seed(0)
x = torch.randn(4, 3, requires_grad=True)
y = x[torch.tensor([0, 2, 0])]
y.sum().backward()
print(y, x.grad)
z = torch.arange(12).reshape(3, 4)
print(z[:, torch.tensor([[3, 0], [1, 1]])], z.t()[torch.tensor([1, -1])], z.index_select(1, torch.tensor([2, 0])))
w = torch.randn(2, 3, 4, requires_grad=True)
v = w[:, torch.tensor([2, 0, 2])]
(v * torch.arange(24.).reshape(2, 3, 4)).sum().backward()
print(w.grad)
print(torch.randn(2, 0, 4)[:, torch.tensor([], dtype=torch.long)].shape, torch.tensor([True, False, True])[torch.tensor([2, 1, 0, -1])])
big = torch.arange(6.).reshape(1, 6).expand(2**40, 6)
print(big[torch.tensor([[0, 5], [7, 2**40 - 1]])], torch.ones(1).expand(2**40).index_select(0, torch.tensor([0, 2**40 - 1])))
b = torch.rand([5, 5, 5, 5, 5]).to(torch.int32)
print(b[None, -1, b].shape)
z[torch.tensor([0, 3])]
