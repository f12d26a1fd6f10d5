#!/usr/bin/env bash
# Sets up the machine, builds DINO Studio and runs every test (what .ci/run calls).
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
bash scripts/setup.sh
cmake --preset default
cmake --build --preset default
ctest --preset default
