import torch
# matmul/mm/bmm/@ shapes and values
a = torch.arange(6.0).view(2, 3)
b = torch.arange(12.0).view(3, 4)
v = torch.tensor([1.0, 0.0, -1.0])
print(a @ b, torch.mm(a, b), a.mm(b), torch.matmul(a, b).shape)
print(a @ v, v @ b, v @ v, (a @ v).shape, (v @ v).shape)
bt = torch.arange(24.0).view(2, 3, 4)
ct = torch.ones(2, 4, 5)
print(torch.bmm(bt, ct), torch.bmm(bt, ct).shape, (bt @ ct).shape, bt.bmm(ct).shape)
print((bt @ torch.ones(4)).shape, (torch.ones(5, 1, 2, 3) @ torch.ones(4, 3, 2)).shape, (torch.ones(3) @ torch.ones(2, 3, 4)).shape)
i = torch.tensor([[1, 2], [3, 4]])
print(i @ i, (i @ i).dtype, i.t() @ i, torch.dot(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])), torch.mv(a, v))
print(torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4, 5])) if False else torch.tensor([1, 2]).view(2, 1) * torch.tensor([3, 4, 5]))
