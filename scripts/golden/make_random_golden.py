"""Golden draws of CPython's random module for nnsh's tests.

Run with CPython 3.11:  python3 scripts/golden/make_random_golden.py
Writes Tests/StdlibTests/Golden/random_core.json (the Mersenne Twister core: seeding from ints,
strings and floats, random(), getrandbits()).
"""
import json, os, random, sys

assert sys.version_info[:2] == (3, 11), "golden outputs come from CPython 3.11"
root = os.path.join(os.path.dirname(__file__), "..", "..")

seeds = [("int", n) for n in [0, 1, 2, 42, 1234, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 5,
                               2**40 + 17, 2**62, 2**63 - 1, -1, -42, -(2**63)]]
seeds += [("int", random.Random(i).getrandbits(63)) for i in range(20)]
seeds += [("str", s) for s in ["", "a", "hello", "nnsh", "ünïcødé", "x" * 100, "seed with spaces"]]
seeds += [("float", f) for f in [0.0, 1.5, -2.5, 0.1, 3.141592653589793, 1e300, -1e-300, 5e-324, 2.0**70]]
cases = []
for kind, value in seeds:
    r = random.Random(value)
    head = list(r.getstate()[1][:8])
    draws = [r.random() for _ in range(5)]
    bits = [[k, r.getrandbits(k)] for k in [0, 1, 5, 31, 32, 33, 53, 63, 64]]
    cases.append({"seed": {"kind": kind, "value": value}, "state_head": head, "random": draws, "bits": bits})
out = os.path.join(root, "Tests", "StdlibTests", "Golden", "random_core.json")
with open(out, "w") as f:
    json.dump(cases, f, indent=1)
print(f"wrote {len(cases)} cases to {out}")
