"""Golden results for the float32 activation and softmax kernels (Kernels/vecmath), from real PyTorch
on one thread at each CPU capability its DispatchStub can take (ATEN_CPU_CAPABILITY=default, avx2,
avx512): where a scalar tail starts, how a row's vector lanes are folded and which multiply-adds are
fused all depend on it, so nnsh must give each capability's bits.

Inputs are not stored: x[i] = float32(((i * 7919 + seed) % 2001) - 1000) / float32(div), g[i] the same
with another seed, which both sides compute exactly. The file holds, per case, the element count and
an FNV-1a hash of the result's float32 bit patterns (forward, then input gradient for backward cases).

Run on a machine with AVX-512 (for all three levels): .venv-torch/bin/python scripts/golden/make_activation_golden.py
Writes Tests/TorchTests/Golden/activation_golden.json.
"""
import json, os, subprocess, sys

CHILD = r'''
import json, sys
import numpy as np
import torch
import torch.nn.functional as F
torch.set_num_threads(1)

def values(n, seed, div):
    i = np.arange(n, dtype=np.int64)
    return np.float32(((i * 7919 + seed) % 2001) - 1000) / np.float32(div)

def fnv(t):
    h = 0xcbf29ce484222325
    for b in t.detach().contiguous().view(-1).numpy().view(np.uint32).tolist():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h

cases = {}
def run(name, shape, fn, div=125):
    n = int(np.prod(shape)) if shape else 1
    x = torch.from_numpy(values(n, 11, div).reshape(shape)).requires_grad_()
    g = torch.from_numpy(values(n, 3, 777).reshape(shape))
    y = fn(x)
    y.backward(g)
    cases[name] = [n, fnv(y), fnv(x.grad)]

acts = {
    "sigmoid": torch.sigmoid, "silu": F.silu, "softplus": F.softplus,
    "softplus_b2_t5": lambda x: F.softplus(x, beta=2, threshold=5),
    "elu": F.elu, "elu_a0.3": lambda x: F.elu(x, alpha=0.3), "selu": F.selu, "celu_a0.5": lambda x: F.celu(x, alpha=0.5),
}
for name, fn in acts.items():
    for n in [1, 5, 16, 17, 33, 64, 1000, 4109]:
        run("%s/%d" % (name, n), [n], fn)
        run("%s/%d/wide" % (name, n), [n], fn, div=25)
soft = [((3, 5), 1), ((4, 16), 1), ((2, 37), -1), ((7,), 0), ((16, 6), 0), ((2, 5, 19), 1), ((3, 4, 17), 2),
        ((2, 3), 0), ((), 0), ((1, 100), 1), ((5, 40, 3), 1), ((2, 9, 33), 1), ((64, 10), 1), ((3, 1000), 1)]
for shape, dim in soft:
    for name, fn in [("softmax", torch.softmax), ("log_softmax", torch.log_softmax)]:
        run("%s/%s/%d" % (name, "x".join(map(str, shape)) or "scalar", dim), list(shape), lambda x: fn(x, dim), div=60)
print(json.dumps(cases))
'''

out = {}
for cap in ["default", "avx2", "avx512"]:
    env = dict(os.environ, ATEN_CPU_CAPABILITY=cap, OMP_NUM_THREADS="1")
    r = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    out[cap.upper() if cap != "default" else "DEFAULT"] = json.loads(r.stdout.strip().splitlines()[-1])
path = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TorchTests", "Golden", "activation_golden.json")
with open(path, "w") as f:
    json.dump({"torch": __import__("torch").__version__, "cases": out}, f, indent=1, sort_keys=True)
print("wrote", path, {k: len(v) for k, v in out.items()})
