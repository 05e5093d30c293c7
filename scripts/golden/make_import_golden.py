#!/usr/bin/env python3
"""Goldens for Tests/ShellTests/ImportConformance from real CPython 3.11.

Each case is a folder holding `main.py` and the modules and packages it imports. The script runs
`python3 -S -u main.py` in that folder (-S: no site packages, whose .pth files preload modules such as random that a case shadows) (PYTHONHASHSEED=0, no bytecode written, stderr merged into
stdout in order) and writes what it printed to `expected.txt`, normalised as the Swift harness
normalises nnsh's output: the case folder's absolute path becomes `<dir>`, and traceback caret
lines (only `^` and `~`) are dropped, because nnsh marks one column where CPython 3.11 underlines
a whole expression (or nothing).

Run:  python3 scripts/golden/make_import_golden.py   (never edit expected.txt by hand)
"""
import os
import re
import subprocess
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("make_import_golden.py needs CPython 3.11, this is %d.%d" % sys.version_info[:2])

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, "Tests", "ShellTests", "ImportConformance")
CARET = re.compile(r"^\s*[\^~]+\s*$")


def normalise(text, case_dir):
    text = text.replace(case_dir, "<dir>")
    return "".join(l for l in text.splitlines(keepends=True) if not CARET.match(l))


def main():
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    for k in ("PYTHONSTARTUP", "PYTHONPATH", "NNSH_PATH"):
        env.pop(k, None)
    cases = sorted(d for d in os.listdir(FOLDER) if os.path.isfile(os.path.join(FOLDER, d, "main.py")))
    for name in cases:
        case_dir = os.path.join(FOLDER, name)
        run = subprocess.run([sys.executable, "-S", "-u", "main.py"], cwd=case_dir, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=30)
        text = normalise(run.stdout.decode("utf-8", "replace"), case_dir)
        with open(os.path.join(case_dir, "expected.txt"), "w") as f:
            f.write(text)
        print("%-28s exit %d, %d lines" % (name, run.returncode, text.count("\n")))


main()
