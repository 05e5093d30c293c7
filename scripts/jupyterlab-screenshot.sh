#!/usr/bin/env bash
# The README's JupyterLab screenshot: JupyterLab (from PyPI, into .venv-jupyter) serving
# examples/tutorial.ipynb with the nnsh kernel installed in a temporary JUPYTER_PATH, photographed
# by Debian's headless Chromium. Writes docs/figures/jupyterlab.png. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
NNSH=${NNSH:-.build/release/nnsh}
command -v chromium >/dev/null || sudo apt-get install -y chromium
[ -x .venv-jupyter/bin/jupyter-lab ] || .venv-jupyter/bin/pip install -q jupyterlab
SPEC=$(mktemp -d)
trap 'kill $LAB 2>/dev/null || true; rm -rf "$SPEC"' EXIT
JUPYTER_DATA_DIR="$SPEC" "$NNSH" kernel install > /dev/null
PORT=${PORT:-8917}
# No "news" pop-up over the notebook; root (CI machines, containers) needs --allow-root.
mkdir -p "$SPEC/settings/@jupyterlab/apputils-extension"
echo '{"fetchNews": "false"}' > "$SPEC/settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings"
ROOT_FLAG=(); [ "$(id -u)" = 0 ] && ROOT_FLAG=(--allow-root)
JUPYTER_PATH="$SPEC" JUPYTER_DATA_DIR="$SPEC" JUPYTER_CONFIG_DIR="$SPEC/config" JUPYTERLAB_SETTINGS_DIR="$SPEC/settings" \
  .venv-jupyter/bin/jupyter-lab --no-browser --port "$PORT" --ServerApp.token=shot --ServerApp.ip=127.0.0.1 \
  --ServerApp.root_dir="$PWD/examples" "${ROOT_FLAG[@]}" > "$SPEC/lab.log" 2>&1 &
LAB=$!
for _ in $(seq 60); do curl -s "http://127.0.0.1:$PORT/api/status?token=shot" > /dev/null && break; sleep 0.5; done
mkdir -p docs/figures
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
  --virtual-time-budget=25000 --screenshot="$PWD/docs/figures/jupyterlab.png" \
  "http://127.0.0.1:$PORT/lab/tree/tutorial.ipynb?token=shot&reset" 2>/dev/null
echo docs/figures/jupyterlab.png
