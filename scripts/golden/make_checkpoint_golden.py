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


# (save program, load program, PyTorch's file, nnsh's file, expected output, extra files the save
# program writes next to its file): tensors and state dicts, then whole modules (torch.save(model)).
CASES = [
    ("save_program.py", "load_program.py", "torch_saved.pt", "nnsh_saved.pt", "expected.out", []),
    ("save_model_program.py", "load_model_program.py", "torch_model.pt", "nnsh_model.pt", "expected_model.out", [".layers"]),
]
for save, load, torch_file, nnsh_file, expected_file, extras in CASES:
    run([sys.executable, save, torch_file])
    expected = run([sys.executable, load, torch_file])
    run([NNSH, save, nnsh_file + ".new"])
    for suffix in [""] + extras:
        os.replace(os.path.join(FOLDER, nnsh_file + ".new" + suffix), os.path.join(FOLDER, nnsh_file + suffix))
    from_nnsh = run([sys.executable, load, nnsh_file])
    if from_nnsh != expected:
        sys.exit("PyTorch does not read %s as its own:\n%s" % (nnsh_file, from_nnsh.decode()))
    with open(os.path.join(FOLDER, expected_file), "wb") as f:
        f.write(expected)
    print("checkpoints: PyTorch reads %s as %s; %s written" % (nnsh_file, torch_file, expected_file))
