import torch

# Index assignment into expanded tensors (structured fuzzer, 2026-11-27: nnsh built a 16 GB table of
# offsets for the first one). PyTorch warns that this is deprecated, and writes.
a = torch.full((), float('nan'), dtype=torch.float64).max().expand(4, 2**31)
a[[3, 2]] = 16
print(a[0, :3], a[3, -2:], a.stride())
b = torch.zeros(3).expand(2, 5, 3)
b[:, [1, 4]] = 7
print(b)
c = torch.zeros(2, 1).expand(2, 4)
c[[1]] = 3
print(c)
d = torch.zeros(4, 1, 3).expand(4, 2, 3)
d[[0, 2], :, [1, 2]] = torch.tensor([[5.0], [6.0]]).expand(2, 2)
print(d)
e = torch.zeros(2, 3, 4)
e[:, [0, 2], 1:3] = torch.arange(8.).view(2, 2, 2)
print(e)
e[1, :, [3, 0]] = torch.tensor([-1.0, -2.0])
print(e)
