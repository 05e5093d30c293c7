import torch
e = torch.ones(9223372036854775807, 0, 2**62)
print(e.shape, e.stride(), e.numel())
print(e[:, :, [5]].shape, e[[0, 4]].shape, e[e > 0].shape)
e[:, :, [5]] = 2
e[[0, 4]] = 3
e[e > 0] = 1.0
print(e.flatten(0, 1).shape, e.flatten(1).shape, e.flatten().shape, e.reshape(-1).shape)
print(e.sum(0).shape, e.sum(2).shape, e.sum(), e.cumsum(0).shape, e.cumsum(2).shape)
print(e.transpose(0, 2).contiguous().shape, e.index_select(2, torch.tensor([0, 3])).shape)
print(e.masked_fill(e > 0, 2).shape, e.clone().shape, e.argmax(2).shape)
print(torch.zeros(3, 0).tolist())
e[[1], :, [5]]
