import torch
# views share storage; in-place changes are visible through views
x = torch.arange(6.0)
v = x.view(2, 3)
v[0, 0] = 100
print(x, v)
row = v[1]
row += 1
print(x)
t = v.t()
t[2, 0] = -1
print(v, t.shape, t.is_contiguous(), v.is_contiguous())
s = x[1:4]
s.mul_(2)
print(x, s)
r = x.reshape(3, 2)
r[0, 1] = 55
print(x)
print(x.view(-1, 2).shape, x.view(6, 1).shape, x.unsqueeze(0).shape, x.view(2, 3).unsqueeze(-1).shape)
y = torch.zeros(2, 1, 3, 1)
print(y.squeeze().shape, y.squeeze(1).shape, y.squeeze(0).shape, y.flatten().shape, y.flatten(1).shape)
z = torch.arange(24).view(2, 3, 4)
print(z.permute(2, 0, 1).shape, z.transpose(0, 2).shape, z.transpose(0, 1)[1], z.permute(1, 0, 2).contiguous().view(3, 8))
e = torch.tensor([1, 2, 3])
print(e.expand(2, 3), e.view(3, 1).expand(3, 2), e.unsqueeze(1).repeat(1, 2), e.repeat(2))
d = x.detach()
d[5] = 0
print(x)
c = x.clone()
c[0] = -5
print(x[0], c[0])
print(z.stride(), z.t().stride() if False else z.transpose(0, 1).stride(), z.size(), z.size(1), z.shape[-1])
