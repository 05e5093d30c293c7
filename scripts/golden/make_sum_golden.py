"""Golden results for float sum/mean (CascadeSum), from real PyTorch on one thread.

Inputs are not stored: both sides generate them from a counter-based splitmix64 (see
`goldenSumValues` in Tests/TorchTests/SumTests.swift), so the file holds only shapes, seeds and the
expected result bits (hex of the IEEE bit pattern, float32 as 8 digits, float64 as 16).

Run: ../main/.venv-torch/bin/python scripts/golden/make_sum_golden.py
Writes Tests/TorchTests/Golden/sum_golden.json.
"""
import json, os, random
import numpy as np
import torch

torch.set_num_threads(1)  # the parity suite runs PyTorch with OMP_NUM_THREADS=1; nnsh matches that
M = (1 << 64) - 1


def splitmix(seed, n):
    i = np.arange(1, n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64((seed * 0x100000001) & M) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return z


def values(seed, n, dtype, spread):
    """±m·2^(e-bits): m a 24-bit (float32) or 53-bit (float64) integer, e in [-spread/2, spread/2)."""
    z = splitmix(seed, n)
    if dtype == "float32":
        m = (z >> np.uint64(40)).astype(np.float64)
        bits = 24
    else:
        m = (z >> np.uint64(11)).astype(np.float64)
        bits = 53
    sign = np.where((z >> np.uint64(5)) & np.uint64(1), -1.0, 1.0)
    e = ((z & np.uint64(31)) % np.uint64(spread)).astype(np.int64) - spread // 2
    v = sign * np.ldexp(m, e - bits)
    return torch.from_numpy(v.astype(np.float32 if dtype == "float32" else np.float64))


def hexbits(t):
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return "".join("%08x" % b for b in t.view(torch.int32).numpy().astype(np.uint32).tolist())
    return "".join("%016x" % b for b in t.view(torch.int64).numpy().astype(np.uint64).tolist())


def random_shape(rng, numel_max):
    ndim = rng.randint(1, 4)
    target = int(round(np.exp(rng.uniform(0, np.log(numel_max)))))
    shape = [1] * ndim
    rest = target
    for d in range(ndim - 1):
        f = rng.choice([x for x in range(1, rest + 1) if rest % x == 0]) if rng.random() < 0.5 else rng.randint(1, max(1, int(rest ** (1 / (ndim - d))) * 2))
        shape[d] = max(1, f)
        rest = max(1, rest // shape[d])
    shape[-1] = rest
    rng.shuffle(shape)
    return shape


cases = []


def add(seed, dtype, spread, shape, perm, dims, keepdim, op):
    x = values(seed, int(np.prod(shape)), dtype, spread).reshape(shape)
    if perm is not None:
        x = x.permute(perm)
    f = getattr(x, op)
    r = f() if dims is None else f(dim=dims, keepdim=keepdim)
    cases.append(dict(seed=seed, dtype=dtype, spread=spread, shape=shape, perm=perm,
                      dims=dims, keepdim=keepdim, op=op, out_shape=list(r.shape), bits=hexbits(r)))


rng = random.Random(2024)
for seed in range(1, 161):
    dtype = "float32" if seed % 3 else "float64"
    spread = rng.choice([1, 8, 32])
    shape = random_shape(rng, 5000)
    perm = None
    if len(shape) > 1 and rng.random() < 0.3:
        perm = list(range(len(shape)))
        rng.shuffle(perm)
    nd = len(shape)
    for op in ("sum", "mean"):
        add(seed, dtype, spread, shape, perm, None, False, op)
        for d in range(nd):
            add(seed, dtype, spread, shape, perm, [d], rng.random() < 0.5, op)
    if nd >= 2:
        dims = sorted(rng.sample(range(nd), 2))
        add(seed, dtype, spread, shape, perm, dims, rng.random() < 0.5, "sum")
    if nd >= 3:
        add(seed, dtype, spread, shape, perm, [0, nd - 1], False, "sum")
        add(seed, dtype, spread, shape, perm, [-1, 0, 1], True, "mean")

# Hand-picked shapes around the vector widths, ILP factor and cascade level steps.
special = [[1], [7], [8], [9], [31], [32], [33], [63], [64], [65], [255], [256], [257], [1023], [1024],
           [1025], [4096], [4097], [3, 5], [5, 33], [33, 5], [2, 3, 4], [16, 64], [64, 16], [7, 9, 11],
           [4, 1, 40], [1, 1], [40, 1, 4], [1000, 3], [3, 1000]]
for k, shape in enumerate(special):
    for dtype in ("float32", "float64"):
        seed = 1000 + k
        add(seed, dtype, 32, shape, None, None, False, "sum")
        add(seed, dtype, 32, shape, None, None, False, "mean")
        for d in range(len(shape)):
            add(seed, dtype, 32, shape, None, [d], False, "sum")
        if len(shape) == 2:
            add(seed, dtype, 32, shape, [1, 0], [0], False, "sum")
            add(seed, dtype, 32, shape, [1, 0], [1], True, "sum")

# Big inputs (one thread): a 4M-element sum, and dim sums of a 2048 x 2049 matrix.
big = [(7001, "float32", 1, [1 << 22], None, None, "sum"), (7002, "float32", 32, [(1 << 22) + 5], None, None, "sum"),
       (7003, "float64", 8, [1 << 22], None, None, "mean"), (7004, "float32", 8, [2048, 2049], None, [0], "sum"),
       (7004, "float32", 8, [2048, 2049], None, [1], "sum"), (7005, "float32", 1, [2048, 2049], [1, 0], [1], "sum")]
for seed, dtype, spread, shape, perm, dims, op in big:
    add(seed, dtype, spread, shape, perm, dims, False, op)

out = os.path.join(os.path.dirname(__file__), "../../Tests/TorchTests/Golden/sum_golden.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "capability": torch.backends.cpu.get_cpu_capability(),
               "threads": 1, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases ->", os.path.normpath(out))
