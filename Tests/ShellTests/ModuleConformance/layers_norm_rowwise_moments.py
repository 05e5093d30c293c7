# LayerNorm and GroupNorm forward values bit for bit (every element hashed): ATen's RowwiseMoments
# (Welford over 32-byte vectors, chunked and merged, then the scalar tail), its second passes with
# and without weight and bias. The gradients are printed at four decimals: nnsh's backward is its
# own order, not ATen's.
import torch
import torch.nn as nn
import torch.nn.functional as F


def digest(t):
    return hash(tuple(t.flatten().tolist()))


torch.manual_seed(0)
for dtype in (torch.float32, torch.float64):
    for n in (5, 8, 17, 100, 1024, 4103):
        x = torch.randn(3, n, dtype=dtype) * 2 + 0.5
        w, b = torch.randn(n, dtype=dtype), torch.randn(n, dtype=dtype)
        print(dtype, n, digest(F.layer_norm(x, (n,))), digest(F.layer_norm(x, (n,), w, b)), digest(F.layer_norm(x, (n,), w)),
              digest(F.layer_norm(x, (n,), None, b)), digest(F.layer_norm(x, (n,), eps=1e-3)))
    for c, g, hw in [(4, 2, 9), (6, 3, 50), (8, 4, 1000), (4, 1, 7)]:
        x = torch.randn(2, c, hw, dtype=dtype)
        w, b = torch.randn(c, dtype=dtype), torch.randn(c, dtype=dtype)
        print(dtype, c, g, hw, digest(F.group_norm(x, g)), digest(F.group_norm(x, g, w, b)), digest(F.group_norm(x, g, w)))
ln = nn.LayerNorm((4, 6))
x = torch.randn(2, 3, 4, 6, requires_grad=True)
y = ln(x)
print(y.grad_fn.name(), digest(y))
(y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
print(x.grad[0, 0], ln.weight.grad[0], ln.bias.grad[0])
gn = nn.GroupNorm(3, 6)
z = gn(torch.randn(2, 6, 5, 5))
print(z.grad_fn.name(), digest(z))
enc = nn.Sequential(nn.Linear(8, 16), nn.LayerNorm(16), nn.GELU(approximate="tanh"), nn.Linear(16, 4))
print(enc(torch.randn(5, 8)).shape)
