// The full DINO training step (teacher and student forward, loss, backward, clipping, optimizer,
// EMA) on synthetic crops, timed: what `dino bench step` and scripts/gpu-check.sh report.
#pragma once

#include "dino/train/dino_trainer.h"

namespace dino {

struct StepBenchmarkOptions {
  TrainerOptions trainer;   // model, head, optimizer, device, precision
  int64_t batch_size = 32;  // images per step (per GPU)
  int global_crops_size = 224;
  int local_crops_size = 96;
  int64_t local_crops_number = 8;
  int64_t warmup_steps = 2;  // not timed: allocator, autotuning, lazy initialisation
  int64_t timed_steps = 10;
};

struct StepBenchmarkResult {
  double seconds_per_step = 0;
  double images_per_second = 0;
  double tokens_per_second = 0;    // patch tokens + CLS over all crops, student side
  double model_tflops = 0;         // achieved, from the analytic count below
  double flops_per_step = 0;       // matmul FLOPs: student fwd+bwd on all crops, teacher fwd on 2
  int64_t peak_device_bytes = -1;  // CUDA only, when the build can read it; -1 otherwise
  int64_t peak_host_bytes = 0;     // the process's peak resident set
  // Several processes: the gradient averaging the backward pass did not hide, per step.
  double communication_seconds_per_step = 0;
};

StepBenchmarkResult benchmark_training_step(StepBenchmarkOptions options);

// Matrix-multiply FLOPs of one ViT forward on `images` crops of `size` pixels (2 per multiply-add):
// patch embedding, qkv, attention scores and values, projection, MLP; the head is left out.
double vit_forward_flops(const VitConfig& vit, int64_t images, int size);

}  // namespace dino
