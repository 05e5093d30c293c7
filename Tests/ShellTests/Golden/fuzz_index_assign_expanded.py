import torch

# Basic-index assignment into an expanded view (structured fuzzer, 2026-11-27: nnsh wrote the number
# 2^33 times, ~50 s under the fuzzer). A Python number fills the target, each memory location once;
# a tensor is copied, and copy_ refuses a target whose elements share one memory location.
a = torch.full((), 1.5, dtype=torch.float64).expand(4, 2**31)
a[None, None] = float('nan')
print(a[0, :3], a[3, -2:], a.stride())
a[1:3] = 7
print(a[0, 0], a.stride())
b = torch.zeros(3, 1).expand(3, 4)
b[:, 0] = torch.arange(3.)
print(b)
b[1] = 5
b[2, 1:] = True
print(b)
c = torch.zeros(()).expand(4, 5)
c[0] = torch.ones(5)
