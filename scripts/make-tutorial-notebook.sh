#!/usr/bin/env bash
# examples/tutorial.ipynb: the tutorial's sections as one notebook, executed through nnsh's Jupyter
# kernel by nbclient (so its saved outputs are what a Jupyter front end shows). The scripts find
# the photo next to their file; in a notebook the working folder (examples/) stands in for it.
# Needs a venv with nbclient and nbformat (TORCH_PYTHON, default .venv-torch/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${TORCH_PYTHON:-.venv-torch/bin/python}
swift build -c release --product nnsh >&2
SPEC=$(mktemp -d)
trap 'rm -rf "$SPEC"' EXIT
JUPYTER_DATA_DIR="$SPEC" .build/release/nnsh kernel install > /dev/null
JUPYTER_PATH="$SPEC" JUPYTER_DATA_DIR="$SPEC" "$PY" - <<'PY'
import re, nbformat, nbclient
sections = ["01_conv2d", "02_conv_transpose2d", "03_pooling", "04_unpooling", "05_linear", "06_activations"]
cells = [nbformat.v4.new_markdown_cell("# nnsh: the layer tutorial\n\nEach section of `examples/tutorial/` as cells, "
                                        "run by nnsh's Jupyter kernel (`scripts/make-tutorial-notebook.sh`).")]
for name in sections:
    text = open(f"examples/tutorial/{name}.py").read()
    text = text.replace('BASE_DIR = os.path.dirname(os.path.abspath(__file__))', 'BASE_DIR = os.path.abspath("tutorial")')
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = para.splitlines()
        if all(l.lstrip().startswith("#") for l in lines):
            cells.append(nbformat.v4.new_markdown_cell("\n".join(l.lstrip("# ").rstrip("= ").strip("= ") or "" for l in lines)))
        else:
            cells.append(nbformat.v4.new_code_cell(para))
nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "nnsh", "display_name": "nnsh (PyTorch)", "language": "python"}})
nbclient.NotebookClient(nb, kernel_name="nnsh", timeout=600, resources={"metadata": {"path": "examples"}}).execute()
nbformat.write(nb, "examples/tutorial.ipynb")
outs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
print("examples/tutorial.ipynb:", len(nb.cells), "cells,", sum(o.output_type == "display_data" for o in outs), "pictures,",
      sum(o.output_type == "error" for o in outs), "errors")
PY
