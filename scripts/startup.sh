#!/usr/bin/env bash
# Startup cost: `nnsh -c "import torch; print(torch.randn(3))"` (release) vs the same in Python with
# PyTorch. Prints mean wall ms over N runs (hyperfine when installed) and peak RSS (/usr/bin/time -v).
# Usage: scripts/startup.sh [N]   (TORCH_PYTHON as in scripts/bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
NNSH=${NNSH:-.build/release/nnsh}
TORCH_PYTHON=${TORCH_PYTHON:-../main/.venv-torch/bin/python}
CODE='import torch; print(torch.randn(3))'
mean_ms() {
  local total=0 t0 t1
  "$@" >/dev/null 2>&1
  for _ in $(seq "$N"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    total=$((total + t1 - t0))
  done
  echo "scale=1; $total / $N / 1000000" | bc
}
rss_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}'; }
if command -v hyperfine >/dev/null; then
  hyperfine -N -w 2 -r "$N" "$NNSH -c '$CODE'" "$TORCH_PYTHON -c '$CODE'"
else
  echo "nnsh   mean $(mean_ms "$NNSH" -c "$CODE") ms over $N runs"
  echo "python mean $(mean_ms "$TORCH_PYTHON" -c "$CODE") ms over $N runs"
fi
echo "nnsh   peak RSS $(rss_kb "$NNSH" -c "$CODE") kB"
echo "python peak RSS $(rss_kb "$TORCH_PYTHON" -c "$CODE") kB"
