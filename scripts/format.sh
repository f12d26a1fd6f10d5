#!/usr/bin/env bash
# Formats, with the repository's .clang-format, the C++ files that differ from a revision (default:
# the upstream of the current branch, else HEAD), so a change comes in the house style without
# reformatting the whole tree. --check lists the files that need it and fails instead.
#   bash scripts/format.sh [--check] [REVISION]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
check=0
if [[ ${1:-} == --check ]]; then
  check=1
  shift
fi
base=${1:-$(git rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null || echo HEAD)}
formatter=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z $formatter ]]; then
  echo "scripts/format.sh: clang-format is not installed (Debian: apt-get install clang-format-14)" >&2
  exit 2
fi
# Against the merge base: files changed only upstream are not this change's.
mapfile -t files < <(git diff --name-only --diff-filter=ACMR "$(git merge-base "$base" HEAD)" -- '*.cpp' '*.h' | grep -v '^build/' || true)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "no C++ files changed since $base"
  exit 0
fi
if [[ $check == 1 ]]; then
  status=0
  for f in "${files[@]}"; do
    if ! "$formatter" --dry-run --Werror "$f" > /dev/null 2>&1; then
      echo "needs formatting: $f"
      status=1
    fi
  done
  exit $status
fi
"$formatter" -i "${files[@]}"
printf 'formatted %s\n' "${files[@]}"
