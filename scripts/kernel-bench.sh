#!/usr/bin/env bash
# nnsh's Jupyter kernel beside ipykernel (with PyTorch): start-up and execute round trip
# (bench/kernel_bench.py). Needs a venv with torch, ipykernel and jupyter_client
# (TORCH_PYTHON, default .venv-torch/bin/python). Builds nnsh in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${TORCH_PYTHON:-.venv-torch/bin/python}
swift build -c release --product nnsh >&2
SPEC=$(mktemp -d)
trap 'rm -rf "$SPEC"' EXIT
JUPYTER_DATA_DIR="$SPEC" .build/release/nnsh kernel install > /dev/null
"$PY" -m ipykernel install --prefix "$SPEC" --name python3 > /dev/null 2>&1 || true
[ -d "$SPEC/share/jupyter/kernels/python3" ] && mv "$SPEC/share/jupyter/kernels/python3" "$SPEC/kernels/python3"
JUPYTER_PATH="$SPEC" JUPYTER_DATA_DIR="$SPEC" "$PY" bench/kernel_bench.py
