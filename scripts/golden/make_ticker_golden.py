"""Write Tests/FiguresTests/Golden/ticker_golden.json: matplotlib's tick locations, labels and
offset texts for many view ranges and bin counts (AutoLocator's MaxNLocator and ScalarFormatter).

Rerun from the repo root: `.venv-torch/bin/python scripts/golden/make_ticker_golden.py`.
"""
import json
import random

import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator, ScalarFormatter

ranges = [(0, 1), (-6.6, 6.6), (-1.35, 6.35), (850000, 4150000), (-0.5, 511.5), (511.5, -0.5), (0, 7), (-1.0995, 1.1),
          (-29.7, 29.7), (1e-7, 5e-7), (123456.7, 123457.9), (-3.3364, 3.0496), (0, 92.4), (0.46, 3.54), (-2.2, 2.3),
          (1e9, 3e9), (-1e-3, 1e-3), (99.5, 100.5), (1000.001, 1000.002), (-5, -4.999), (0.1, 0.1000001),
          (-0.15, 3.15), (1e15, 1.0000001e15), (-123.4, 0.3), (5.5, 6.5), (0.0001, 0.0009)]
rng = random.Random(7)
for _ in range(60):
    a = rng.uniform(-10, 10) * 10 ** rng.randint(-6, 8)
    b = a + abs(rng.uniform(0.01, 10)) * 10 ** rng.randint(-6, 8)
    ranges.append((a, b))

fig, ax = plt.subplots()
cases = []
for lo, hi in ranges:
    for nbins in [1, 3, 5, 7, 9]:
        ax.set_xlim(lo, hi)
        loc = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10])
        locs = [float(v) for v in loc.tick_values(lo, hi)]
        fmt = ScalarFormatter()
        fmt.set_axis(ax.xaxis)
        fmt.set_locs(locs)
        cases.append({"view": [lo, hi], "nbins": nbins, "locs": locs, "labels": [fmt(v) for v in locs],
                      "offset": fmt.get_offset(), "view_used": list(map(float, ax.get_xlim()))})
json.dump({"matplotlib": matplotlib.__version__, "cases": cases}, open("Tests/FiguresTests/Golden/ticker_golden.json", "w"),
          indent=1, ensure_ascii=False)
print(len(cases), "cases")
