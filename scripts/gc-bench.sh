#!/usr/bin/env bash
# Cycle collection: bench/cycles.py under nnsh (release) and CPython in one run — resident memory
# before and after building and dropping 10^5 cyclic structures of each kind, with the collector
# off (what reference counting alone leaves) and on. Usage: scripts/gc-bench.sh
# (NNSH=path/to/nnsh, PYTHON=python3)
set -euo pipefail
cd "$(dirname "$0")/.."
NNSH=${NNSH:-.build/release/nnsh}
PY=${PYTHON:-python3}
[ -x "$NNSH" ] || { echo "build first: swift build -c release --product nnsh" >&2; exit 1; }
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
echo "== nnsh"
"$NNSH" bench/cycles.py
echo "== $($PY --version 2>&1)"
"$PY" bench/cycles.py
