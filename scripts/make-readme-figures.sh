#!/usr/bin/env bash
# Draws the README's nnsh figures (docs/figures/*_nnsh.png) from the same scripts whose matplotlib
# pictures are the test goldens, by running each with nnsh as a user would: without a terminal,
# plt.show() saves NAME_fig1.png beside the script.
set -euo pipefail
cd "$(dirname "$0")/.."
NNSH=${1:-.build/release/nnsh}
mkdir -p docs/figures
for script in Tests/ShellTests/Figures/activation_curves.py Tests/ShellTests/Figures/histogram.py \
              Tests/ShellTests/Figures/subplots_grid.py examples/course/nn_layers_convolution.py; do
  name=$(basename "$script" .py)
  env -u MPLBACKEND "$NNSH" "$script" > /dev/null 2>&1 < /dev/null
  mv "$(dirname "$script")/${name}_fig1.png" "docs/figures/${name}_nnsh.png"
  echo "docs/figures/${name}_nnsh.png"
done
