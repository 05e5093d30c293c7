"""Write Tests/TorchTests/Golden/batchnorm_golden.json: F.batch_norm forward and backward as real
PyTorch computes them on the CPU, for each CPU capability (ATEN_CPU_CAPABILITY), as exact bits.

Each case: inputs from integer formulas (the same on every CPU level), then the output, the updated running
statistics and the gradients of input, weight and bias (for a fixed upstream gradient), each as a
64-bit FNV-1a-style hash of the float32 bit patterns, plus a few values. Rerun from the repo root:
`.venv-torch/bin/python scripts/golden/make_batchnorm_golden.py`.
"""
import json, os, subprocess, sys

CASES = [
    # (shape, training, affine, running)
    ([4, 3, 5, 5], True, True, True),
    ([2, 16, 7, 9], True, True, True),
    ([8, 4, 3], True, False, True),
    ([5, 6], True, True, False),
    ([3, 8, 17, 19], False, True, True),
    ([2, 5, 1, 1], True, True, True),
    ([16, 32, 28, 28], True, True, True),
    ([16, 32, 28, 28], False, False, True),
]

def run_level():
    import torch
    # PyTorch's default thread count (the channels-last kernels split rows by thread).
    out = []
    for shape, training, affine, running in CASES:
        numel = 1
        for d in shape:
            numel *= d
        c = shape[1]
        # Inputs from integer formulas, divided in float32 (the same on every CPU level, unlike
        # randn, whose vectorised path depends on the level), as the Swift test makes them.
        def values(n, mult, seed, modulus, div):
            k = torch.tensor([((i * mult + seed) % modulus) - modulus // 2 for i in range(n)], dtype=torch.float32)
            return k / div
        x = values(numel, 7919, 11, 2001, 250.0).reshape(shape).requires_grad_(True)
        w = (values(c, 37, 5, 101, 100.0) + 1.0).requires_grad_(True) if affine else None
        b = values(c, 53, 1, 97, 50.0).requires_grad_(True) if affine else None
        rm = values(c, 29, 3, 83, 40.0) if running else None
        rv = (values(c, 31, 7, 89, 80.0) + 1.0) if running else None
        dy = values(numel, 104729, 3, 2001, 777.0).reshape(shape)
        y = torch.nn.functional.batch_norm(x, rm, rv, w, b, training=training, momentum=0.1, eps=1e-5)
        y.backward(dy)
        def h(t):
            # FNV-1a-style over the float32 bit patterns, as Tests/TorchTests/ActivationGoldenTests.swift hashes.
            if t is None:
                return None
            hv = 0xcbf29ce484222325
            for bits in t.detach().contiguous().numpy().view("uint32").ravel().tolist():
                hv = ((hv ^ bits) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
            return "%016x" % hv
        out.append({"shape": shape, "training": training, "affine": affine, "running": running,
                    "y": h(y), "running_mean": h(rm), "running_var": h(rv), "dx": h(x.grad),
                    "dw": h(w.grad if affine else None), "db": h(b.grad if affine else None),
                    "y0": float(y.flatten()[0]), "dx0": float(x.grad.flatten()[0])})
    return out

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--level":
        print(json.dumps(run_level()))
        sys.exit(0)
    import torch
    levels = {}
    for level in ["default", "avx2", "avx512"]:
        env = dict(os.environ, ATEN_CPU_CAPABILITY=level)
        r = subprocess.run([sys.executable, __file__, "--level"], env=env, capture_output=True, text=True, check=True)
        levels[level.upper() if level != "default" else "DEFAULT"] = json.loads(r.stdout)
    json.dump({"torch": torch.__version__, "levels": levels}, open("Tests/TorchTests/Golden/batchnorm_golden.json", "w"), indent=1)
    print("wrote", sum(len(v) for v in levels.values()), "cases")
