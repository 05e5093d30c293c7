import torch
# advanced indexing: paired index tensors, masks at any dim, lists, assignment through tensors, grads
x = torch.arange(24).view(2, 3, 4)
print(x[torch.tensor([1, 0]), :, torch.tensor([2, 0])])
print(x[:, torch.tensor([[0], [2]]), torch.tensor([1, 3])])
print(x[x.sum(2) > 20])
print(x[0, [0, 2], [1, 3]], x[[1], 1:, [0]])
m = torch.tensor([[True, False, True], [False, True, False]])
print(x[m], x[:, torch.tensor([True, False, True])].shape)
y = torch.zeros(3, 4)
y[torch.tensor([0, 2]), torch.tensor([1, 3])] = torch.tensor([5.0, 6.0])
y[[1, 1], :] = 2
y[:, [0]] = -1
print(y)
z = torch.arange(6.0).view(2, 3).requires_grad_()
z[torch.tensor([0, 1]), torch.tensor([2, 0])].sum().backward()
print(z.grad)
w = torch.ones(2, 3, requires_grad=True)
print(w[w > 0].grad_fn.name(), w[torch.tensor([1, 0])].grad_fn.name(), w[[0, 1], [1, 2]].grad_fn.name())
