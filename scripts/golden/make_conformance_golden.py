#!/usr/bin/env python3
"""Goldens for Tests/ShellTests/Conformance from real CPython 3.11, and for
Tests/ShellTests/ModuleConformance from real PyTorch (run this script with the venv's python:
`.venv-torch/bin/python scripts/golden/make_conformance_golden.py ModuleConformance [NAME ...]`).

Every `Tests/ShellTests/Conformance/NAME.py` is run as `python3 NAME.py` (the 3.11 interpreter running this script; cwd = that folder,
PYTHONHASHSEED=0, 20 s timeout). Its stdout is written byte for byte to `NAME.out`; when it
exits non-zero, the last non-empty line of stderr (e.g. `ValueError: bad value`) is written to
`NAME.err`, otherwise any stale `NAME.err` is removed. When the exception's message itself spans
several lines (CPython's MRO error does: "...method resolution\norder (MRO) for bases A, B"),
`NAME.err` holds all of them, i.e. every line after the traceback's last indented line; the
Swift harness compares as many trailing stderr lines as `NAME.err` has.

The goldens are produced only by this script and are never hand-edited: to change an expected
output, change the program and rerun `python3 scripts/golden/make_conformance_golden.py`.
"""
import glob
import os
import subprocess
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("make_conformance_golden.py needs CPython 3.11, this is %d.%d" % sys.version_info[:2])

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, "Tests", "ShellTests", sys.argv[1] if len(sys.argv) > 1 else "Conformance")
if os.path.basename(FOLDER) == "ModuleConformance":
    import torch  # noqa: F401  (the goldens of this folder are PyTorch's)


def error_message(stderr, returncode):
    """The final exception line of a traceback, or all its lines when the message is multi-line."""
    lines = [l for l in stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    if not lines:
        return "exit status %d" % returncode
    indented = [i for i, l in enumerate(lines) if l[:1].isspace()]
    tail = lines[indented[-1] + 1:] if indented else lines[-1:]
    return "\n".join(tail or lines[-1:])


def main():
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONSTARTUP", None)
    programs = sorted(glob.glob(os.path.join(FOLDER, "*.py")))
    # Names after the folder regenerate only those programs (the torchvision and legacy-type
    # goldens were made with care: torchvision is not in the venv, and `torch.DoubleTensor(1)`
    # prints uninitialised memory, so a rerun of those would not reproduce them).
    only = set(sys.argv[2:])
    if only:
        programs = [p for p in programs if os.path.basename(p)[:-3] in only]
        missing = only - {os.path.basename(p)[:-3] for p in programs}
        if missing:
            sys.exit("no such programs: " + ", ".join(sorted(missing)))
    failed = 0
    for path in programs:
        name = os.path.basename(path)[:-3]
        out_path = os.path.join(FOLDER, name + ".out")
        err_path = os.path.join(FOLDER, name + ".err")
        try:
            proc = subprocess.run([sys.executable, name + ".py"], cwd=FOLDER, env=env,
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            sys.exit("%s.py timed out after 20 s" % name)
        with open(out_path, "wb") as f:
            f.write(proc.stdout)
        if proc.returncode != 0:
            failed += 1
            with open(err_path, "w", encoding="utf-8") as f:
                f.write(error_message(proc.stderr, proc.returncode) + "\n")
        elif os.path.exists(err_path):
            os.remove(err_path)
    print("conformance goldens: %d programs, %d with .err, written to %s"
          % (len(programs), failed, os.path.relpath(FOLDER, ROOT)))


if __name__ == "__main__":
    main()
