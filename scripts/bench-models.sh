#!/usr/bin/env bash
# Times the model-level workloads of bench/models.py (LeNet training step, ResNet-18 forward,
# BatchNorm2d forward+backward, DataLoader epoch) under nnsh and under PyTorch, one after the
# other on this machine, and prints compare.py's table (ratio nnsh/PyTorch, lower is better).
# The same Python file runs on both sides, so interpreter cost is part of nnsh's time.
#
# Usage: scripts/bench-models.sh [NAME_SUBSTRING]
# Environment: TORCH_PYTHON (default .venv-torch/bin/python), BENCH_DIR (default ../shared/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
OUT_DIR=${OUT_DIR:-$ROOT/.build/bench}
TORCH_PYTHON=${TORCH_PYTHON:-$ROOT/.venv-torch/bin/python}
mkdir -p "$OUT_DIR"
swift build -c release --product nnsh >&2
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); vector: $(grep -o -m1 -w 'avx512f\|avx2' /proc/cpuinfo | sort -u | head -1)" >&2
"$ROOT/.build/release/nnsh" bench/models.py "$@" | tee "$OUT_DIR/models-ours.tsv" >&2
if [ ! -x "$TORCH_PYTHON" ]; then
  echo "no PyTorch python at $TORCH_PYTHON (set TORCH_PYTHON); only nnsh timings in $OUT_DIR/models-ours.tsv" >&2
  exit 0
fi
"$TORCH_PYTHON" bench/models.py "$@" | tee "$OUT_DIR/models-torch.tsv" >&2
python3 "$BENCH_DIR/compare.py" "$OUT_DIR/models-ours.tsv" "$OUT_DIR/models-torch.tsv"
