"""Golden results for the NumPy module (Tests/NumPyTests): numpy 2's dtype promotion, pairwise
sums and arrayprint text, from real numpy. Inputs are generated on both sides from integers
(x[i] = ((i * 7919 + seed) % 2001 - 1000) / div, computed in the array's dtype), so the file
holds only the cases and numpy's answers.

Run: .venv-torch/bin/python scripts/golden/make_numpy_golden.py
Writes Tests/NumPyTests/Golden/numpy_golden.json.
"""
import json, os
import numpy as np

NAMES = ["bool", "uint8", "int32", "int64", "float32", "float64"]
out = {"numpy": np.__version__}
out["promote"] = [[a, b, np.promote_types(a, b).name] for a in NAMES for b in NAMES]
weak = []
for a in NAMES:
    for s in [True, 1, 300, -1, 2**40, 1.5]:
        try:
            r = (np.ones(2, a) + s).dtype.name
        except OverflowError as e:
            r = "OverflowError: " + str(e)
        weak.append([a, repr(s), r])
out["weak"] = weak


def values(n, seed, div, dtype):
    i = np.arange(n, dtype=np.int64)
    v = ((i * 7919 + seed) % 2001) - 1000
    if np.dtype(dtype).kind == "f":
        return v.astype(dtype) / np.asarray(div, dtype=dtype)
    return v.astype(dtype)


sums = []
for dt in ["float32", "float64"]:
    for n in [1, 2, 7, 8, 9, 15, 16, 17, 100, 127, 128, 129, 255, 256, 1000, 4097, 10000, 100003]:
        for div in [7, 1000]:
            a = values(n, 5, div, dt)
            sums.append([dt, n, div, float(np.sum(a)).hex(), float(np.mean(a)).hex()])
out["sums"] = sums

prints = []
cases = [
    ("float64", [3], 4), ("float64", [5], 7), ("float64", [4], 3000000), ("float64", [2, 3], 7), ("float32", [3], 7),
    ("float32", [2, 2], 3), ("float64", [10], 1), ("float64", [30], 7), ("float64", [3, 4, 5], 13), ("int64", [10], 1),
    ("int64", [3, 3], 1), ("int32", [4], 1), ("uint8", [6], 1), ("bool", [5], 1), ("float64", [2000], 3),
    ("int64", [1001], 1), ("float64", [40, 40], 11), ("float32", [7, 9], 1000), ("float64", [0], 1), ("float64", [0, 3], 1),
    ("float64", [], 3), ("int64", [], 1), ("float32", [], 7), ("bool", [], 1), ("float64", [6], 100000000),
    ("float64", [4], 0.001),
]
for dt, shape, div in cases:
    n = int(np.prod(shape)) if shape else 1
    if dt == "bool":
        a = (values(n, 3, 1, "int64") % 3 == 0).reshape(shape)
    elif dt == "uint8":
        a = (values(n, 3, 1, "int64") % 256).astype(np.uint8).reshape(shape)
    else:
        a = values(n, 3, div, dt).reshape(shape)
    prints.append([dt, shape, div, repr(a), str(a)])
out["prints"] = prints
scalars = []
for dt in ["float32", "float64"]:
    for v in [0.0, -0.0, 1.0, 1.5, 0.1, 1e-5, 123456789.0, 1e16, 1e-4, 3.14159265358979, 1e22, -2.5e-7]:
        x = np.dtype(dt).type(v)
        scalars.append([dt, v, repr(x), str(x)])
for dt in ["int64", "int32", "uint8"]:
    x = np.dtype(dt).type(7)
    scalars.append([dt, 7, repr(x), str(x)])
scalars.append(["bool", 1, repr(np.True_), str(np.True_)])
out["scalars"] = scalars
path = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "NumPyTests", "Golden", "numpy_golden.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path)
