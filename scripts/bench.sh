#!/usr/bin/env bash
# Builds nnsh-bench in release, times nnsh and PyTorch on the same workloads one after the other
# (../shared/bench/WORKLOADS.md), and prints compare.py's table (ratio ours/PyTorch, lower is better).
#
# Usage: scripts/bench.sh [--filter SUBSTR]
# Environment: TORCH_PYTHON (default ../main/.venv-torch/bin/python, else .venv-torch/bin/python),
#              BENCH_DIR (default ../shared/bench), OUT_DIR (default .build/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
OUT_DIR=${OUT_DIR:-$ROOT/.build/bench}
if [ -z "${TORCH_PYTHON:-}" ]; then
  for p in "$ROOT/../main/.venv-torch/bin/python" "$ROOT/.venv-torch/bin/python"; do
    if [ -x "$p" ]; then TORCH_PYTHON=$p; break; fi
  done
fi
mkdir -p "$OUT_DIR"

swift build -c release --product nnsh-bench >&2
echo "nnsh-bench ..." >&2
"$ROOT/.build/release/nnsh-bench" "$@" | tee "$OUT_DIR/ours.tsv" >&2
if [ -z "${TORCH_PYTHON:-}" ]; then
  echo "no PyTorch python found (set TORCH_PYTHON); only nnsh timings in $OUT_DIR/ours.tsv" >&2
  exit 0
fi
echo "torch_bench.py ..." >&2
"$TORCH_PYTHON" "$BENCH_DIR/torch_bench.py" "$@" | tee "$OUT_DIR/torch.tsv" >&2
python3 "$BENCH_DIR/compare.py" "$OUT_DIR/ours.tsv" "$OUT_DIR/torch.tsv"
