#!/usr/bin/env python3
"""The parity ratchet: runs ../shared/parity on the release binary and fails when a case listed in
parity/passing.txt no longer passes exactly. The list only grows: `--update` adds newly exact cases.

Usage: scripts/parity-ratchet.py [--nnsh .build/release/nnsh] [--update]
"""
import argparse, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--nnsh", default=os.path.join(root, ".build/release/nnsh"))
ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
ap.add_argument("--update", action="store_true")
args = ap.parse_args()

runner = os.path.join(args.shared, "parity", "run.py")
if not os.path.exists(runner):
    print("parity: ../shared/parity not found; skipped")
    sys.exit(0)
cases = sorted(f[:-3] for f in os.listdir(os.path.join(args.shared, "parity", "cases")) if f.endswith(".py"))
out = subprocess.run([sys.executable, runner, "--nnsh", args.nnsh, "--timeout", "30"],
                     capture_output=True, text=True).stdout
not_exact = {m.group(2) for m in re.finditer(r"^(numeric|fail)\s+(\S+)", out, re.M)}
exact = [c for c in cases if c not in not_exact]
summary = [l for l in out.splitlines() if l.startswith("parity:")]
print(summary[-1] if summary else out)

listing = os.path.join(root, "parity", "passing.txt")
listed = set()
if os.path.exists(listing):
    listed = {l.strip() for l in open(listing) if l.strip() and not l.startswith("#")}
lost = sorted(listed - set(exact))
gained = sorted(set(exact) - listed)
if gained:
    print(f"parity ratchet: {len(gained)} case(s) now exact but not listed: {' '.join(gained)}")
if args.update:
    with open(listing, "w") as f:
        f.write("# Parity cases that pass exactly; CI fails if one stops passing. Grow with --update.\n")
        for c in sorted(listed | set(exact)):
            f.write(c + "\n")
    print(f"parity ratchet: {listing} now lists {len(listed | set(exact))} cases")
if lost:
    print(f"parity ratchet: FAILED, {len(lost)} listed case(s) no longer exact: {' '.join(lost)}")
    sys.exit(1)
print(f"parity ratchet: {len(listed)} listed, {len(listed) - len(lost)} passed, {len(lost)} failed")
