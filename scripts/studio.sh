#!/usr/bin/env bash
# The main job: set up, build, and open DINO Studio with the Fashion-MNIST demo ready (press
# Start; it trains on the CPU with every chart moving). Extra arguments go to dino-studio, e.g.
# --start to press Start for you.
#
# Without a display (a server, a container), the app runs on a virtual one (Xvfb): it starts the
# demo, trains, writes every figure and metrics.csv to out/studio-<time>/figures and quits.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
bash scripts/setup.sh
cmake --preset default
cmake --build --preset default --target dino-studio
run_dir="$repo_root/out/studio-$(date +%Y%m%d-%H%M%S)"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec ./build/default/app/dino-studio --demo --output_dir "$run_dir" "$@"
fi
echo "No display: running the demo on a virtual display and exporting its figures to $run_dir/figures"
exec xvfb-run -a ./build/default/app/dino-studio --demo --output_dir "$run_dir" --start \
  --export-when-done "$run_dir/figures" "$@"
