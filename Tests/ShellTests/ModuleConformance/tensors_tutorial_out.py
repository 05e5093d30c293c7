import warnings
import numpy as np
import torch

# PyTorch's "Tensors" beginner tutorial, seeded, with its out= calls and numpy's.
torch.manual_seed(0)
tensor = torch.ones(4, 4)
tensor[:, 1] = 0
y1 = tensor @ tensor.T
y2 = tensor.matmul(tensor.T)
y3 = torch.rand_like(y1)
r = torch.matmul(tensor, tensor.T, out=y3)
print(r is y3, y3)
z3 = torch.rand_like(tensor)
torch.mul(tensor, tensor, out=z3)
print(z3)
n = np.ones(5)
t = torch.from_numpy(n)
print(np.add(n, 1, out=n) is n)
print(f"t: {t}")
print(f"n: {n}")
o = np.zeros((2, 3))
np.multiply(np.ones((2, 3)), 2.5, out=o)
print(o)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    out = torch.empty(5)
    torch.matmul(torch.ones(2, 3), torch.ones(3, 2), out=out)
    print(out.shape, out, len(w), str(w[0].message)[:60] if w else None)
empty = torch.empty(0)
print(torch.add(torch.ones(3), 2, out=empty), empty.shape)
ints = torch.empty(2, dtype=torch.long)
print(torch.add(torch.ones(2, dtype=torch.long), 3, out=ints), ints.dtype)
wide = torch.empty(2, dtype=torch.float64)
print(torch.sub(torch.ones(2), 0.5, out=wide))
print(torch.cat([torch.ones(2), torch.zeros(2)], out=torch.empty(4)))
print(torch.stack([torch.ones(2), torch.zeros(2)], out=torch.empty(2, 2)))
for bad in [lambda: torch.mul(torch.ones(2), 1.5, out=torch.empty(2, dtype=torch.long)),
            lambda: torch.mul(torch.ones(2, requires_grad=True), 2, out=torch.empty(2)),
            lambda: torch.exp(torch.ones(2), out=5),
            lambda: np.add(np.ones(2), 1.5, out=np.zeros(2, dtype=np.int64)),
            lambda: np.add(np.ones(2), 1, out=np.zeros(3))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
