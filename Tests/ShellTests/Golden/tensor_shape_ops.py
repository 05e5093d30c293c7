import torch
# reshape/view/permute/squeeze/flatten/expand/repeat shapes and values
x = torch.arange(24)
print(x.reshape(2, 3, 4).shape, x.view(4, -1).shape, x.reshape(-1, 2, 3)[0], x.view(2, 12).t().shape)
y = x.view(2, 3, 4)
print(y.permute(2, 1, 0)[1], y.transpose(1, 2).reshape(2, 12)[0], y.flatten(0, 1).shape, y.flatten(start_dim=1).shape, y.flatten(-2).shape)
print(y.unsqueeze(0).unsqueeze(-1).shape, y[:, :1].squeeze(1).shape, y.squeeze().shape, torch.zeros(1, 1).squeeze().shape, torch.zeros(1, 2, 1).squeeze(-1).shape)
print(torch.tensor([[1], [2]]).expand(-1, 3), torch.tensor([1, 2]).repeat(2, 2), torch.tensor([[1, 2]]).repeat(2, 1, 1).shape)
print(y.movedim(0, -1).shape if False else y.permute(1, 2, 0).shape, y.mT.shape, y.transpose(-1, -2).is_contiguous(), y.t() if False else y[0].T)
print(torch.flatten(y).shape, torch.reshape(y, (6, 4)).shape, torch.squeeze(torch.zeros(2, 1)).shape, torch.unsqueeze(x, 1).shape, torch.transpose(y, 0, 1).shape, torch.permute(y, (1, 0, 2)).shape)
print(torch.cat([y, y], dim=2).shape, torch.stack([x, x], 0).shape, x.chunk(5)[-1], x.split([20, 4])[1])
