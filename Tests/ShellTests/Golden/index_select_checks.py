import torch
# index_select has its own kernel, checks and messages
x = torch.arange(6.).reshape(2, 3)
print(x.index_select(1, torch.tensor(2)), x.index_select(-1, torch.tensor([1, 0], dtype=torch.int32)))
print(torch.tensor(5.).index_select(0, torch.tensor([0])), torch.zeros(2, 3).index_select(0, torch.tensor([], dtype=torch.long)))
w = torch.randn(2, 3, requires_grad=True)
y = w.index_select(1, torch.tensor([2, 2]))
y.sum().backward()
print(y.grad_fn.name(), w.grad)
torch.arange(3.).index_select(0, torch.tensor([-1]))
