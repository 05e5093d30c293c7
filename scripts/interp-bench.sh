#!/usr/bin/env bash
# Pure-Python interpreter speed: times small loop scripts and the pyperformance-style programs
# of bench/interp/ with nnsh (release) and
# CPython (`python3`; the tensor script with TORCH_PYTHON, a Python that has PyTorch) and prints
# CPU seconds (user+sys of the child, best of N runs) for both and the ratio nnsh / CPython.
# Usage: scripts/interp-bench.sh [N] [FILTER]   (NNSH=path/to/nnsh, default .build/release/nnsh)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
FILTER=${2:-}
NNSH=${NNSH:-.build/release/nnsh}
PY=${PYTHON:-python3}
TORCH_PYTHON=${TORCH_PYTHON:-../main/.venv-torch/bin/python}
[ -x "$NNSH" ] || { echo "build first: swift build -c release --product nnsh" >&2; exit 1; }
exec python3 - "$N" "$FILTER" "$NNSH" "$PY" "$TORCH_PYTHON" <<'PYEOF'
import os, subprocess, sys
n, filt, nnsh, py, torch_py = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
scripts = {
    "int_loop": "n = 0\nfor i in range(5 * 10**6):\n    n += 1\nprint(n)\n",
    "while_loop": "i = 0\nwhile i < 5 * 10**6:\n    i += 1\nprint(i)\n",
    "float_list": "lst = [float(i) for i in range(100000)]\ns = 0.0\nfor r in range(50):\n    for x in lst:\n        s += x * 2\nprint(s)\n",
    "func_calls": "def f(a, b):\n    return a + b\nt = 0\nfor i in range(1500000):\n    t = f(t, i)\nprint(t)\n",
    "list_build": "out = []\nfor i in range(1500000):\n    out.append(i * i)\nsq = [x + 1 for x in out if x % 3]\nprint(len(out), len(sq))\n",
    "str_format": "acc = 0\nfor i in range(500000):\n    s = f\"{i}: {i * 0.5:.2f}\"\n    t = 'v=%d' % i\n    acc += len(s) + len(t)\nprint(acc)\n",
    "method_calls": "class P:\n    def __init__(self, x):\n        self.x = x\n    def step(self, d):\n        self.x = self.x + d\n        return self.x\np = P(0)\nfor i in range(1000000):\n    p.step(1)\nprint(p.x)\n",
    "objects_nbody": "class B:\n    def __init__(self, x, v):\n        self.x = x\n        self.v = v\nbs = [B(float(i), 0.5) for i in range(50)]\nfor s in range(10000):\n    for b in bs:\n        b.x += b.v * 0.01\nprint(round(bs[0].x, 6))\n",
    "try_except": "n = 0\nfor i in range(500000):\n    try:\n        if i % 2:\n            raise ValueError(i)\n        n += 1\n    except ValueError as e:\n        n -= 1\nprint(n)\n",
    "dunder_ops": "class V:\n    def __init__(self, a):\n        self.a = a\n    def __add__(self, o):\n        return V(self.a + o.a)\nv = V(0)\none = V(1)\nfor i in range(500000):\n    v = v + one\nprint(v.a)\n",
    "re_findall": "import re\ntext = ('epoch 12/90 loss=0.6931 acc=51.2% lr=0.001 ' * 50000)\nn = 0\nfor r in range(5):\n    n += len(re.findall(r'[a-z]+=([0-9.]+)', text))\nprint(n)\n",
    "re_sub_split": "import re\ntext = 'a1b22c333 dd4444 ' * 40000\ns = re.sub(r'(\\d+)', r'<\\1>', text)\nparts = re.split(r'\\s+', text)\nprint(len(s), len(parts))\n",
    "re_match_lines": "import re\nlines = ['model_epoch_%d.pth' % i if i % 3 else 'notes_%d.txt' % i for i in range(200000)]\npat = re.compile(r'model_epoch_(\\d+)\\.pth$')\nbest = 0\nfor line in lines:\n    m = pat.match(line)\n    if m:\n        best = max(best, int(m.group(1)))\nprint(best)\n",
    "enum_members": "import enum\nclass C(enum.Enum):\n    A = 1\n    B = 2\n    C = 3\nn = 0\nfor i in range(200000):\n    if C(i % 3 + 1) is C.B:\n        n += C.B.value\nprint(n)\n",
    **{name[:-3]: open(os.path.join("bench/interp", name)).read()
       for name in sorted(os.listdir("bench/interp")) if name.endswith(".py")},
    "tensor_methods": "import torch\nx = torch.ones(8)\nw = torch.ones(8)\nfor i in range(20000):\n    y = x.sum() + w * 2\nprint(y)\n",
}
def cpu(cmd, runs=None):
    best = None
    for _ in range(runs or n):
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, ru = os.wait4(p.pid, 0)
        err = p.stderr.read(); p.stderr.close()
        if status != 0:
            return None, err.decode(errors="replace").strip().splitlines()[-1:]
        t = ru.ru_utime + ru.ru_stime
        best = t if best is None else min(best, t)
    return best, None
# Startup (and `import torch`) is measured once per interpreter and subtracted.
base = {}
def net(cmd, code):
    key = (cmd[0], "torch" in code)
    if key not in base:
        base[key] = cpu(cmd + ["-c", "import torch\n" if "torch" in code else "pass\n"], runs=2 * n + 1)[0] or 0.0
    t, err = cpu(cmd + ["-c", code])
    return (None if t is None else max(t - base[key], 1e-3)), err
print(f"{'script':<16}{'nnsh s':>9}{'python s':>10}{'ratio':>8}   (CPU user+sys minus startup, best of {n})")
for name, code in scripts.items():
    if filt and filt not in name: continue
    a, ea = net([nnsh], code)
    interp = torch_py if "torch" in code else py
    if not (os.path.exists(interp) or "/" not in interp): interp = py
    b, eb = net([interp], code)
    fa = f"{a:9.3f}" if a is not None else f"{'err':>9}"
    fb = f"{b:10.3f}" if b is not None else f"{'n/a':>10}"
    ratio = f"{a / b:8.1f}" if a and b else f"{'':>8}"
    print(f"{name:<16}{fa}{fb}{ratio}" + (f"   nnsh: {ea}" if ea else ""))
PYEOF
