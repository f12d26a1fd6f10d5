#include "dino/train/step_benchmark.h"

#include "dino/system/host_memory.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <sys/resource.h>

#include <chrono>

namespace dino {

double vit_forward_flops(const VitConfig& vit, int64_t images, int size) {
  const double d = static_cast<double>(vit.embed_dim);
  const double patches = static_cast<double>((size / vit.patch_size) * (size / vit.patch_size));
  const double tokens = patches + 1;
  const double hidden = d * vit.mlp_ratio;
  const double embed = 2.0 * patches * (3.0 * vit.patch_size * vit.patch_size) * d;
  const double per_block = 2.0 * tokens * d * 3 * d          // qkv
                           + 2.0 * tokens * tokens * d * 2   // scores and weighted values
                           + 2.0 * tokens * d * d            // projection
                           + 2.0 * tokens * d * hidden * 2;  // MLP
  return static_cast<double>(images) * (embed + static_cast<double>(vit.depth) * per_block);
}

StepBenchmarkResult benchmark_training_step(StepBenchmarkOptions options) {
  auto& t = options.trainer;
  t.loss.ncrops = 2 + options.local_crops_number;
  t.total_batch_size = options.batch_size;
  t.iterations_per_epoch = options.warmup_steps + options.timed_steps;
  t.epochs = 1;
  t.warmup_epochs = 0;
  t.freeze_last_layer = 0;   // time the full update, last layer included
  keep_freed_host_memory();  // as a training run does (TrainingSession::run)
  DinoTrainer trainer(t);
  auto device_options = torch::TensorOptions().device(t.device);
  std::vector<torch::Tensor> crops;
  for (int i = 0; i < 2; ++i)
    crops.push_back(
        torch::randn({options.batch_size, 3, options.global_crops_size, options.global_crops_size}, device_options));
  for (int64_t i = 0; i < options.local_crops_number; ++i)
    crops.push_back(
        torch::randn({options.batch_size, 3, options.local_crops_size, options.local_crops_size}, device_options));
  auto synchronize = [&] {
    if (t.device.is_cuda()) torch::cuda::synchronize(t.device.index() < 0 ? -1 : t.device.index());
  };
  int64_t it = 0;
  for (; it < options.warmup_steps; ++it) trainer.step(crops, it, 0);
  synchronize();
  const auto start = std::chrono::steady_clock::now();
  double communication = 0;
  for (; it < options.warmup_steps + options.timed_steps; ++it)
    communication += trainer.step(crops, it, 0).communication_seconds;
  synchronize();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  StepBenchmarkResult result;
  result.communication_seconds_per_step = communication / static_cast<double>(options.timed_steps);
  result.seconds_per_step = elapsed / static_cast<double>(options.timed_steps);
  result.images_per_second = static_cast<double>(options.batch_size) / result.seconds_per_step;
  auto tokens = [&](int size) {
    return static_cast<double>((size / t.vit.patch_size) * (size / t.vit.patch_size) + 1);
  };
  result.tokens_per_second = static_cast<double>(options.batch_size) *
                             (2 * tokens(options.global_crops_size) +
                              static_cast<double>(options.local_crops_number) * tokens(options.local_crops_size)) /
                             result.seconds_per_step;
  const double global = vit_forward_flops(t.vit, 2 * options.batch_size, options.global_crops_size);
  const double local =
      vit_forward_flops(t.vit, options.local_crops_number * options.batch_size, options.local_crops_size);
  // Student: forward + backward (twice the forward) on every crop; teacher: forward on the globals.
  result.flops_per_step = 3.0 * (global + local) + global;
  result.model_tflops = result.flops_per_step / result.seconds_per_step / 1e12;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  result.peak_host_bytes = static_cast<int64_t>(usage.ru_maxrss) * 1024;
  return result;
}

}  // namespace dino
