#!/usr/bin/env bash
# Runs the Jupyter clients' tests of `nnsh kernel` (Tests/Jupyter): jupyter_kernel_test's conformance
# suite and jupyter_client's lifecycle checks. The clients come from PyPI into .venv-jupyter
# (git-ignored); the kernel spec goes into a temporary JUPYTER_PATH, so nothing is installed for the user.
# Usage: scripts/jupyter-tests.sh [NNSH_BINARY]   (default .build/release/nnsh)
set -euo pipefail
cd "$(dirname "$0")/.."
NNSH=${1:-.build/release/nnsh}
VENV=.venv-jupyter
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { echo "jupyter tests: python3 -m venv is unavailable (apt-get install python3-venv)" >&2; exit 1; }
fi
"$VENV/bin/python" -c "import jupyter_client, jupyter_kernel_test" 2>/dev/null ||
  "$VENV/bin/pip" install -q jupyter_client jupyter_kernel_test
SPEC=$(mktemp -d)
trap 'rm -rf "$SPEC"' EXIT
JUPYTER_DATA_DIR="$SPEC" "$NNSH" kernel install > /dev/null
JUPYTER_PATH="$SPEC" JUPYTER_DATA_DIR="$SPEC" "$VENV/bin/python" -m unittest -v Tests/Jupyter/test_nnsh_kernel.py 2>&1 | tail -40
exit "${PIPESTATUS[0]}"
