import torch
# misc tensor methods and attributes
x = torch.arange(12.0).view(3, 4)
print(x.shape, x.size(), x.size(0), x.size(-1), x.dim(), x.ndim, x.numel(), x.dtype, x.T.shape, len(x))
print(x.flip(0), x.flip(1)[0], x.narrow(1, 1, 2), x.select(0, 1), x.unbind(1)[0], x.index_select(1, torch.tensor([3, 0])))
print(x.masked_fill(x > 5, -1.0), x.new_zeros(2), x.new_ones(1, 2), x.new_full((2,), 3.0), x.new_tensor([1, 2]))
print(x.sort(dim=1, descending=True).values[0], x.argsort(dim=0)[0], x.topk(2, dim=1).indices, x.view_as(torch.zeros(4, 3)).shape)
print(x.abs().sum().item(), x.sqrt()[1], x.exp()[0, :2], x.log1p()[0, :2], x.clamp(max=3)[0], x.reshape(-1)[-3:], x.contiguous().is_contiguous())
print(x.t().contiguous().stride(), x.storage_offset(), x[1:].storage_offset(), x.element_size(), x.is_leaf, x.requires_grad)
r = torch.zeros(3)
for k, row in enumerate(x):
    r[k] = row.sum()
print(r, [v.item() for v in torch.tensor([1, 2])], list(torch.tensor([1.5, 2.5])), 2 in torch.tensor([1, 2]))
print(x.mean(dim=(0, 1)), x.sum(dim=[1]), x.max(dim=0)[0], x.min(-1).indices, x.amax(1) if False else x.std(1))
print(torch.numel(x), torch.is_tensor(x), torch.is_tensor(1), x.squeeze(0).shape, x.unsqueeze(1).shape, x.view(2, -1).shape)
print(x.sum(1).tolist(), x.tolist()[2], x.int().tolist()[0], torch.tensor(2.0).tolist())
