"""Golden figures for Tests/ShellTests/Figures, drawn by real matplotlib.

Each Tests/ShellTests/Figures/NAME.py is a short tutorial-style script that draws one figure and
ends in plt.show(). This script runs each of them (sorted by name) with the Agg backend, then for the
one open figure draws it and writes, next to the script:

  NAME.png   fig.savefig(path) at the default dpi, no bbox_inches: the picture nnsh should match.
  NAME.json  the layout: {"width", "height" (pixels), "dpi", "axes": [per axes in fig.axes order:
             "bbox" [x0, y0, x1, y1] in pixels with y measured from the TOP of the image (the axes
             rectangle after apply_aspect, from ax.get_window_extent), "xlim", "ylim", the major
             "xticks"/"yticks" inside the view limits and their "xticklabels"/"yticklabels" (the
             texts the formatter gives, also for an axes turned off with axis('off')),
             "title", "axis_on", "x_offset_text", "y_offset_text"]}.

Tests/ShellTests/Figures/Programs/NAME.py are pyplot programs that print (reprs, limits, ticks,
errors); NAME.out is what they print under real matplotlib (stdout, then the exception's last line).
Run from /work/main:
    .venv-torch/bin/python scripts/golden/make_figure_golden.py
Rerun it after changing or adding a figure script; never hand-edit the outputs.
"""
import glob
import json
import os
import runpy
import sys

os.environ["MPLBACKEND"] = "agg"
import matplotlib  # noqa: E402

matplotlib.use("agg")
from matplotlib import pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIGURES = os.path.join(ROOT, "Tests", "ShellTests", "Figures")
# Course lessons run unchanged (examples/course): their figure, layout and printed text go to
# examples/course/expected/ (NAME.png, NAME.json, NAME.out).
EXAMPLES = [os.path.join(ROOT, "examples", "course", "nn_layers_convolution.py")]


def visible_ticks(axis, lim):
    """The major tick locations inside the view limits (inclusive, with a small tolerance) and
    their label texts. get_majorticklabels() formats every label first, so an axes drawn with
    axis('off') (whose labels the draw skips) still gets the texts it would show."""
    axis.get_majorticklabels()
    locs = list(axis.get_majorticklocs())
    ticks = axis.get_major_ticks(len(locs))
    lo, hi = min(lim), max(lim)
    tol = 1e-9 * (hi - lo)
    kept, labels = [], []
    for loc, tick in zip(locs, ticks):
        if lo - tol <= loc <= hi + tol:
            kept.append(float(loc))
            labels.append(tick.label1.get_text())
    return kept, labels


def describe_axes(ax, renderer, height):
    ext = ax.get_window_extent(renderer)
    xlim = [float(v) for v in ax.get_xlim()]
    ylim = [float(v) for v in ax.get_ylim()]
    xticks, xticklabels = visible_ticks(ax.xaxis, xlim)
    yticks, yticklabels = visible_ticks(ax.yaxis, ylim)
    return {
        "bbox": [float(ext.x0), float(height - ext.y1), float(ext.x1), float(height - ext.y0)],
        "xlim": xlim,
        "ylim": ylim,
        "xticks": xticks,
        "yticks": yticks,
        "xticklabels": xticklabels,
        "yticklabels": yticklabels,
        "title": ax.get_title(),
        "axis_on": bool(ax.axison),
        "x_offset_text": ax.xaxis.get_offset_text().get_text(),
        "y_offset_text": ax.yaxis.get_offset_text().get_text(),
    }


def make(script, out_dir, keep_stdout=False):
    name = os.path.splitext(os.path.basename(script))[0]
    plt.close("all")
    import contextlib
    import io
    printed = io.StringIO()
    sys.path.insert(0, os.path.dirname(script))  # as `python script.py` puts the script's folder first
    try:
        with contextlib.redirect_stdout(printed):
            runpy.run_path(script, run_name="__main__")  # sets __file__ to the script's path
    finally:
        sys.path.pop(0)
    if keep_stdout:
        with open(os.path.join(out_dir, name + ".out"), "w") as f:
            f.write(printed.getvalue())
    nums = plt.get_fignums()
    if len(nums) != 1:
        sys.exit("%s: expected one open figure, found %d" % (name, len(nums)))
    fig = plt.gcf()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width, height = fig.canvas.get_width_height()

    png = os.path.join(out_dir, name + ".png")
    fig.savefig(png)
    with Image.open(png) as im:
        if im.size != (width, height):
            sys.exit("%s: PNG is %s, canvas is %s" % (name, im.size, (width, height)))

    info = {
        "width": width,
        "height": height,
        "dpi": float(fig.dpi),
        "axes": [describe_axes(ax, renderer, height) for ax in fig.axes],
    }
    with open(os.path.join(out_dir, name + ".json"), "w") as f:
        json.dump(info, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    plt.close("all")
    print("%s: %dx%d px, %d axes" % (name, width, height, len(info["axes"])))


PROGRAMS = os.path.join(FIGURES, "Programs")


def make_program(script):
    """What a pyplot program prints: stdout, then the exception's last line when it ends in one
    (run as `python NAME.py` with the Agg backend, in the program's folder)."""
    import subprocess
    env = dict(os.environ, MPLBACKEND="agg")
    r = subprocess.run([sys.executable, os.path.basename(script)], cwd=os.path.dirname(script), env=env,
                       capture_output=True, text=True, timeout=300)
    out = r.stdout
    if r.returncode != 0:
        out += r.stderr.strip().splitlines()[-1] + "\n"
    name = os.path.splitext(script)[0]
    with open(name + ".out", "w") as f:
        f.write(out)
    print("%s: %d lines" % (os.path.basename(name), out.count("\n")))


def main():
    scripts = sorted(glob.glob(os.path.join(FIGURES, "*.py")))
    if not scripts:
        sys.exit("no figure scripts in " + FIGURES)
    for script in scripts:
        make(script, FIGURES)
    for script in sorted(glob.glob(os.path.join(PROGRAMS, "*.py"))):
        make_program(script)
    for script in EXAMPLES:
        out_dir = os.path.join(os.path.dirname(script), "expected")
        os.makedirs(out_dir, exist_ok=True)
        make(script, out_dir, keep_stdout=True)


if __name__ == "__main__":
    main()
