#!/usr/bin/env bash
# Sets up the machine, builds DINO Studio and runs every test (what .ci/run calls).
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
bash scripts/setup.sh
# CI builds with warnings as errors (.ci/run sets DINO_WARNINGS_AS_ERRORS=ON); elsewhere a newer
# compiler's new warning does not stop a user's build.
cmake --preset default -DCMAKE_COMPILE_WARNING_AS_ERROR="${DINO_WARNINGS_AS_ERRORS:-OFF}"
cmake --build --preset default
status=0
ctest --preset default || status=$?
# Checks that need hardware this machine lacks (a SIMD level, oneDNN's fp32 matmul) skip with the
# reason: list them, so a green run says what it did not check here.
log=build/default/Testing/Temporary/LastTest.log
if [[ -f $log ]] && grep -q '^SKIP ' "$log"; then
  echo "Checks skipped here, with the reasons:"
  awk '/^[0-9]+\/[0-9]+ Test: / { test = $3 } /^SKIP / { sub(/^SKIP *: */, ""); print "  " test ": " $0 }' "$log"
fi
exit "$status"
