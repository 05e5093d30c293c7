#!/usr/bin/env python3
"""Expected output of the examples that train models (examples/lenet), from real PyTorch.

Run with the venv that has torch: `.venv-torch/bin/python scripts/golden/make_examples_golden.py`.
Each example's stdout is written byte for byte to `expected_output.txt` beside it; never hand-edited.
"""
import os
import subprocess
import sys

import torch  # noqa: F401  (the expected outputs are PyTorch's)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = [("examples/lenet", "train_lenet.py")]

for folder, script in EXAMPLES:
    path = os.path.join(ROOT, folder)
    out = subprocess.run([sys.executable, script], cwd=path, capture_output=True, check=True, timeout=600).stdout
    with open(os.path.join(path, "expected_output.txt"), "wb") as f:
        f.write(out)
    print("%s/%s: %d bytes" % (folder, script, len(out)))
