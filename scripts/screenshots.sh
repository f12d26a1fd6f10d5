#!/usr/bin/env bash
# Screenshots of every tab of the real app under Xvfb, at 1366 x 768 and 1920 x 1080, for
# docs/desktop-app.md: the dashboard and crops of a run folder, its schedules, the attention of its
# teacher on a photograph, and the log.
#   bash scripts/screenshots.sh RUN_FOLDER PHOTO [OUT_DIR]    (OUT_DIR: docs/images)
# RUN_FOLDER is an output folder of `dino train` or the app (config.json, metrics.jsonl,
# checkpoint.pth). Each shot starts the app afresh with its own settings folder, so nothing a user
# saved changes it; the app saves its own window (--screenshot). Needs xvfb-run (scripts/setup.sh).
set -euo pipefail
usage="usage: screenshots.sh RUN_FOLDER PHOTO [OUT_DIR]"
run=$(realpath "${1:?$usage}")  # before the cd below: paths as the caller gave them
photo=$(realpath "${2:?$usage}")
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(realpath -m "${3:-docs/images}")
app=${DINO_STUDIO:-build/default/app/dino-studio}
[[ -x $app ]] || { echo "screenshots.sh: $app is not built (cmake --build build/default)" >&2; exit 2; }
for file in checkpoint.pth config.json metrics.jsonl; do
  [[ -f $run/$file ]] || { echo "screenshots.sh: $run has no $file" >&2; exit 2; }
done
[[ -f $photo ]] || { echo "screenshots.sh: $photo does not exist" >&2; exit 2; }
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for size in 1366x768 1920x1080; do
  for tab in dashboard schedules crops attention log; do
    export XDG_CONFIG_HOME=$scratch/config-$size-$tab XDG_RUNTIME_DIR=$scratch/runtime
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    shot=$out/$tab-$size.png
    # The app quits by itself after its screenshot; two minutes is a hang, not a slow machine.
    timeout 120 xvfb-run -a -s "-screen 0 ${size}x24" "$app" --follow "$run" --settings "$run/config.json" \
      --weights "$run/checkpoint.pth" --image "$photo" --tab "$tab" --screenshot "$shot"
    echo "$shot"
  done
done
