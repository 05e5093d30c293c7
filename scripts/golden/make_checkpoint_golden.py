#!/usr/bin/env python3
"""Checkpoints exchanged between nnsh and real PyTorch (Tests/ShellTests/Checkpoints).

Run with the PyTorch venv after building nnsh:
    .venv-torch/bin/python scripts/golden/make_checkpoint_golden.py [path/to/nnsh]

1. PyTorch runs save_program.py -> torch_saved.pt, and load_program.py on it -> expected.out.
2. nnsh runs save_program.py -> nnsh_saved.pt; PyTorch loads that file with load_program.py and
   must print expected.out exactly (otherwise this script fails and nothing is kept).
The Swift tests then check that nnsh loads torch_saved.pt to the same output, and that nnsh still
writes nnsh_saved.pt byte for byte -- the bytes PyTorch was shown to read. Never hand-edited.
"""
import os
import subprocess
import sys

import torch  # noqa: F401

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, "Tests", "ShellTests", "Checkpoints")
NNSH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "nnsh")


def run(cmd):
    return subprocess.run(cmd, cwd=FOLDER, capture_output=True, check=True, timeout=300).stdout


run([sys.executable, "save_program.py", "torch_saved.pt"])
expected = run([sys.executable, "load_program.py", "torch_saved.pt"])
run([NNSH, "save_program.py", "nnsh_saved.pt.new"])
os.replace(os.path.join(FOLDER, "nnsh_saved.pt.new"), os.path.join(FOLDER, "nnsh_saved.pt"))
from_nnsh = run([sys.executable, "load_program.py", "nnsh_saved.pt"])
if from_nnsh != expected:
    sys.exit("PyTorch does not read nnsh's checkpoint as its own:\n" + from_nnsh.decode())
with open(os.path.join(FOLDER, "expected.out"), "wb") as f:
    f.write(expected)
print("checkpoints: PyTorch reads nnsh_saved.pt as torch_saved.pt; expected.out written")
