#!/usr/bin/env bash
# Screenshots of every tab of the real app under Xvfb, at 1366 x 768 and 1920 x 1080, for
# docs/desktop-app.md: the welcome page, the dashboard and crops of a run folder, its schedules, the
# attention of its teacher on a photograph, its evaluations (evaluations.jsonl, when it has some) and
# the log; then the welcome page, dashboard and
# attention in German and Chinese at 1366 x 768.
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
# One shot: a tab at a screen size, in a language ("" English; else View > Language's code, set
# in the fresh settings as the menu would).
shoot() {
  local size=$1 tab=$2 language=$3 shot=$4
  export XDG_CONFIG_HOME=$scratch/config-$size-$tab-$language XDG_RUNTIME_DIR=$scratch/runtime
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  if [[ -n $language ]]; then
    mkdir -p "$XDG_CONFIG_HOME/DINO Studio"
    printf '[Interface]\nlanguage=%s\n' "$language" > "$XDG_CONFIG_HOME/DINO Studio/DINO Studio.conf"
  fi
  # The app quits by itself after its screenshot; two minutes is a hang, not a slow machine.
  timeout 120 xvfb-run -a -s "-screen 0 ${size}x24" "$app" --follow "$run" --settings "$run/config.json" \
    --weights "$run/checkpoint.pth" --image "$photo" --tab "$tab" --screenshot "$shot"
  echo "$shot"
}
for size in 1366x768 1920x1080; do
  for tab in welcome dashboard schedules crops attention evaluate log; do
    shoot "$size" "$tab" "" "$out/$tab-$size.png"
  done
done
# German is the longest of the translations (clipped labels show there first); Chinese needs a CJK
# font (Debian: fonts-wqy-microhei or fonts-noto-cjk).
fc-list :lang=zh | grep -q . || echo "screenshots.sh: no Chinese font installed; the zh_CN shots will show boxes" >&2
for language in de zh_CN; do
  for tab in welcome dashboard attention; do
    shoot 1366x768 "$tab" "$language" "$out/$tab-1366x768-$language.png"
  done
done
