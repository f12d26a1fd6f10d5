#!/usr/bin/env bash
# One prepared check for a GPU machine that has CUDA LibTorch (through its python3's torch) and
# CMake, but no Qt, OpenCV or the project's venv. Builds the model library alone (preset
# model-only), runs its smoke test, compares CUDA with the CPU (features, attention, first loss,
# bf16 and fp16 steps), then times the training step of vit_small/16 (batch 64, 2 x 224 + 8 x 96)
# ours in bf16 / fp16 / fp32 and the reference's fp16 step. About 5 minutes on one H200.
#
#   scripts/gpu-check.sh [python]        # default: python3
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-python3}
build=build/gpu-check

"$python" - <<'PY'
import torch
print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, devices: {torch.cuda.device_count()}")
assert torch.cuda.is_available(), "this python's torch sees no CUDA device"
print(torch.cuda.get_device_name(0))
PY

generator=()
command -v ninja > /dev/null && generator=(-G Ninja)
cmake -S . -B "$build" "${generator[@]}" -DDINO_MODEL_ONLY=ON -DCMAKE_BUILD_TYPE=Release -DDINO_PYTHON="$(command -v "$python")"
cmake --build "$build" --parallel "$(nproc)"
ctest --test-dir "$build" --output-on-failure

echo "== CUDA against CPU, and our step =="
"$build/tests/gpu/dino_gpu_check" --require-cuda

echo "== the reference's step (fp16 autocast + GradScaler, explicit attention) =="
(cd tests/python && "$python" reference_step_bench.py --arch vit_small --patch_size 16 --batch_size 64 \
  --local_crops_number 8 --device cuda --precision fp16 --steps 20)
