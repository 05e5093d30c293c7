import torch
# indexing: ints, slices, steps, None, ellipsis, negatives, masks, long tensors
x = torch.arange(24).view(2, 3, 4)
print(x[0], x[-1, -1], x[1, 2, 3], x[0, :, 1], x[:, 1:], x[..., 0], x[0, ..., ::2])
print(x[:, None].shape, x[None, ..., None].shape, x[0, None, 1], x[::-1] if False else x[:, ::2, 1::2])
print(x[1][2][3], x[1, 2][3], x[0][0:2], x[:1, :1, :1])
y = torch.tensor([10, 20, 30, 40, 50])
print(y[y > 25], y[torch.tensor([True, False, True, False, True])], y[torch.tensor([4, 0, 0])], y[[1, 3]], y[torch.tensor([[0, 1], [2, 3]])])
print(y[-2:], y[:-2], y[1:100], y[100:], y[::2], y[1::3], y[-3])
m = torch.tensor([[1.0, -1.0], [-2.0, 3.0]])
print(m[m > 0], m[m < 0].sum(), m[:, 0], m[1, :], m[0][1].item(), m[torch.tensor([1, 0])])
print(x[0, torch.tensor([0, 2])], x[:, :, torch.tensor([1, 3])].shape, x[torch.tensor([1, 0]), torch.tensor([2, 0])])
print(y[2].dim(), y[2:3].dim(), y[None].shape, y[...].shape)
