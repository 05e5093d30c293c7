import torch
x = torch.arange(12.).view(4, 3).t()[2::9223372036854775807]
print(x, x.shape, x.stride(), x.storage_offset())
print(x * 2, x.sum(0), x.sum(), x.unsqueeze(0).stride(), x.unsqueeze(2).stride(), x.t().stride())
print(x.reshape(4), x.flatten(), torch.cat([x, x]), x.expand(2, 4), x.contiguous().stride(), x.clone().stride())
print(x.tolist(), x.unbind(1), x[0], x[:, 1:], x.permute(1, 0).stride(), x.view(4), x.max(), x.argmax(), x.cumsum(1))
y = x.unsqueeze(1)
print(y.stride(), y.squeeze().stride(), y.expand(1, 5, 4).sum(), x.matmul(torch.ones(4)), x @ torch.ones(4, 2))
