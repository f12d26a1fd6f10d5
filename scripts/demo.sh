#!/usr/bin/env bash
# The main job until the desktop app lands: set up, build `dino`, and train a small DINO ViT on the
# built-in Fashion-MNIST demo data in the terminal (about three minutes on two CPU cores), with the
# teacher's weighted k-NN accuracy before and after. Extra arguments go to `dino train`.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
bash scripts/setup.sh
cmake --preset default
cmake --build --preset default --target dino
# A fresh folder per run: an existing checkpoint.pth in --output_dir would be resumed.
output_dir=${DINO_DEMO_OUTPUT:-"$repo_root/out/demo-$(date +%Y%m%d-%H%M%S)"}
./build/default/app/dino train \
  --data_path fashion-mnist --output_dir "$output_dir" \
  --arch vit_tiny --embed_dim 96 --depth 3 --num_heads 3 --patch_size 4 \
  --global_crops_size 28 --local_crops_size 12 --local_crops_number 4 \
  --out_dim 1024 --head_hidden_dim 256 --head_bottleneck_dim 64 \
  --batch_size_per_gpu 64 --epochs 3 --warmup_epochs 1 --limit_images 16384 \
  --momentum_teacher 0.99 --lr 0.004 --print_freq 64 --num_workers 2 \
  --knn_train_images 5000 --knn_test_images 2000 "$@"
./build/default/app/dino info --pretrained_weights "$output_dir/checkpoint.pth"
