// The model library on a CUDA device, checked against the CPU, then the training step timed
// (scripts/gpu-check.sh runs this on a GPU machine with nothing but CUDA LibTorch and CMake).
// Without a CUDA device the same comparisons run on the CPU alone: the fused attention against
// the explicit path, and one short step benchmark, so CTest keeps this program building and honest.
#include "dino/loss/dino_loss.h"
#include "dino/system/device_info.h"
#include "dino/model/multi_crop_wrapper.h"
#include "dino/model/transformer_block.h"
#include "dino/train/step_benchmark.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "PASS" : "FAIL", what.c_str());
  std::fflush(stdout);
  if (!ok) ++failures;
}

double max_difference(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kCPU, torch::kFloat) - b.to(torch::kCPU, torch::kFloat)).abs().max().item<double>();
}

// The same weights on two devices give the same CLS features and attention maps.
void compare_devices(const c10::Device& device) {
  torch::manual_seed(0);
  dino::VisionTransformer cpu_model(*dino::vit_preset("vit_small", 16));
  cpu_model->eval();
  auto x = torch::randn({2, 3, 224, 224});
  torch::NoGradGuard no_grad;
  const auto cls_cpu = cpu_model->forward(x);
  const auto attention_cpu = cpu_model->get_selfattention(x, -1);
  // The explicit attention path (what the maps use) against the fused one, on the CPU.
  auto first_attention = [](dino::VisionTransformer& model) { return model->blocks[0]->as<dino::TransformerBlockImpl>()->attn; };
  auto [explicit_out, unused] = first_attention(cpu_model)->forward_with_attention(cpu_model->prepare_tokens(x));
  const auto fused_out = first_attention(cpu_model)->forward(cpu_model->prepare_tokens(x));
  check(max_difference(explicit_out, fused_out) < 1e-4, "CPU: fused attention equals the explicit path");
  if (device.is_cpu()) return;
  auto device_model = dino::VisionTransformer(*dino::vit_preset("vit_small", 16));
  {
    auto source = cpu_model->named_parameters();
    for (auto& p : device_model->named_parameters()) p.value().copy_(source[p.key()]);
  }
  device_model->to(device);
  device_model->eval();
  const auto xd = x.to(device);
  const double cls_diff = max_difference(device_model->forward(xd), cls_cpu);
  check(cls_diff < 2e-3, "vit_small/16 CLS features, CUDA vs CPU (fp32, TF32 off): max |diff| " + std::to_string(cls_diff));
  const double attention_diff = max_difference(device_model->get_selfattention(xd, -1), attention_cpu);
  check(attention_diff < 1e-4, "last-layer attention, CUDA vs CPU: max |diff| " + std::to_string(attention_diff));
  auto [explicit_d, unused_d] = first_attention(device_model)->forward_with_attention(device_model->prepare_tokens(xd));
  const auto fused_d = first_attention(device_model)->forward(device_model->prepare_tokens(xd));
  check(max_difference(explicit_d, fused_d) < 1e-3, "CUDA: fused attention (flash/efficient) equals the explicit path");
}

// A tiny training run gives the same first loss on both devices, and every precision stays finite.
void compare_training(const c10::Device& device) {
  auto options = [&](c10::Device d) {
    dino::TrainerOptions o;
    o.vit = *dino::vit_preset("vit_tiny", 8);
    o.vit.depth = 2;
    o.vit.img_size = 32;
    o.head.out_dim = 256;
    o.head.hidden_dim = 64;
    o.head.bottleneck_dim = 32;
    o.loss.ncrops = 4;
    o.epochs = 1;
    o.iterations_per_epoch = 4;
    o.warmup_epochs = 0;
    o.total_batch_size = 8;
    o.drop_path_rate = 0.0;
    o.device = d;
    return o;
  };
  torch::manual_seed(1);
  std::vector<torch::Tensor> crops = {torch::randn({8, 3, 32, 32}), torch::randn({8, 3, 32, 32}),
                                      torch::randn({8, 3, 16, 16}), torch::randn({8, 3, 16, 16})};
  torch::manual_seed(2);
  dino::DinoTrainer cpu(options(c10::kCPU));
  const double cpu_loss = cpu.step(crops, 0, 0).loss;
  check(std::isfinite(cpu_loss), "CPU: tiny training step is finite");
  if (device.is_cpu()) return;
  torch::manual_seed(2);
  dino::DinoTrainer gpu(options(device));
  const double gpu_loss = gpu.step(crops, 0, 0).loss;
  check(std::abs(gpu_loss - cpu_loss) < 1e-3, "first loss, CUDA " + std::to_string(gpu_loss) + " vs CPU " + std::to_string(cpu_loss));
  // Clipping, the fused AdamW kernel and the multi-tensor EMA on the device against the CPU: over
  // two more steps, every student and teacher parameter moves as it does on the CPU.
  auto weights = [](dino::DinoTrainer& t) {
    std::vector<torch::Tensor> all;
    for (const auto& p : t.student->parameters()) all.push_back(p.detach().to(torch::kCPU).clone());
    for (const auto& p : t.teacher->parameters()) all.push_back(p.detach().to(torch::kCPU).clone());
    return all;
  };
  const auto cpu_before = weights(cpu), gpu_before = weights(gpu);
  for (int64_t it = 1; it < 3; ++it) {
    cpu.step(crops, it, 0);
    gpu.step(crops, it, 0);
  }
  const auto cpu_after = weights(cpu), gpu_after = weights(gpu);
  double largest_move = 0, largest_disagreement = 0;
  for (size_t i = 0; i < cpu_after.size(); ++i) {
    const auto cpu_move = cpu_after[i] - cpu_before[i], gpu_move = gpu_after[i] - gpu_before[i];
    largest_move = std::max(largest_move, cpu_move.abs().max().item<double>());
    largest_disagreement = std::max(largest_disagreement, (cpu_move - gpu_move).abs().max().item<double>());
  }
  check(largest_move > 0 && largest_disagreement < 0.1 * largest_move,
        "optimizer, clipping and EMA, CUDA vs CPU over 2 steps: largest move " + std::to_string(largest_move) +
            ", largest disagreement " + std::to_string(largest_disagreement));
  for (auto dtype : {c10::ScalarType::BFloat16, c10::ScalarType::Half}) {
    auto o = options(device);
    o.autocast_dtype = dtype;
    o.use_grad_scaler = dtype == c10::ScalarType::Half;
    dino::DinoTrainer mixed(o);
    bool finite = true;
    for (int64_t it = 0; it < 4; ++it) finite = finite && mixed.step(crops, it, 0).finite;
    check(finite, std::string(dtype == c10::ScalarType::Half ? "fp16 + grad scaler" : "bf16") + " autocast: 4 finite steps");
  }
}

void bench(const c10::Device& device, std::optional<c10::ScalarType> dtype, int64_t batch, int64_t steps) {
  dino::StepBenchmarkOptions o;
  o.trainer.vit = *dino::vit_preset("vit_small", 16);
  o.trainer.head.out_dim = 65536;
  o.trainer.device = device;
  o.trainer.autocast_dtype = dtype;
  o.trainer.use_grad_scaler = dtype == c10::ScalarType::Half;
  o.batch_size = batch;
  o.timed_steps = steps;
  if (device.is_cpu()) {  // keep the CPU fallback short
    o.trainer.vit = *dino::vit_preset("vit_tiny", 16);
    o.trainer.vit.depth = 2;
    o.trainer.head.out_dim = 1024;
    o.local_crops_number = 2;
  }
  const auto r = dino::benchmark_training_step(o);
  const char* precision = !dtype ? "fp32" : *dtype == c10::ScalarType::BFloat16 ? "bf16" : "fp16+scaler";
  std::printf("bench %s/16 batch %lld, %s on %s: %.1f images/s, %.1f ms/step, %.1f model TFLOP/s\n",
              device.is_cpu() ? "vit_tiny(depth 2)" : "vit_small", static_cast<long long>(batch), precision,
              device.str().c_str(), r.images_per_second, r.seconds_per_step * 1000, r.model_tflops);
  std::fflush(stdout);
  check(r.images_per_second > 0, std::string("step benchmark ran (") + precision + ")");
}

}  // namespace

int main(int argc, char** argv) {
  const bool require_cuda = argc > 1 && std::strcmp(argv[1], "--require-cuda") == 0;
  const bool cuda = torch::cuda::is_available();
  if (require_cuda && !cuda) {
    std::printf("FAIL: --require-cuda, but this LibTorch sees no CUDA device\n");
    return 1;
  }
  const c10::Device device = cuda ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  std::printf("device: %s (%d CUDA devices)\n", device.str().c_str(), static_cast<int>(torch::cuda::device_count()));
  // What the app's device menu will say: on CUDA, the driver's name, memory and compute capability.
  for (const auto& info : dino::device_infos()) std::printf("  %s\n", dino::device_description(info).c_str());
  if (cuda) {
    const auto info = dino::device_info(device);
    check(!info.model.empty() && info.memory_bytes > 0 && info.compute_major > 0,
          "the CUDA driver names the GPU, its memory and compute capability");
  }
  // Keep fp32 honest for the comparison: no TF32 matmuls.
  at::globalContext().setAllowTF32CuBLAS(false);
  compare_devices(device);
  compare_training(device);
  if (cuda) {
    at::globalContext().setAllowTF32CuBLAS(true);
    bench(device, c10::ScalarType::BFloat16, 64, 20);
    // The memory chart's GPU figure (LibTorch 2.10 and later; 0 before).
    std::printf("CUDA caching allocator: %.1f MiB of tensors after the bf16 benchmark\n",
                static_cast<double>(dino::device_memory_in_use(device)) / (1 << 20));
    bench(device, c10::ScalarType::Half, 64, 20);
    bench(device, std::nullopt, 64, 10);
  } else {
    bench(device, std::nullopt, 4, 2);
  }
  std::printf("%d failures\n", failures);
  return failures == 0 ? 0 : 1;
}
