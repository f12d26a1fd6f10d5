// `dino bench`: throughput measurements, printed as rates.
#include "cli_support.h"
#include "commands.h"
#include "setting_flags.h"

#include <dino/data/data_loader.h>
#include <dino/data/image_file.h>
#include <dino/data/open_data.h>
#include <dino/distributed/process_group.h>
#include <dino/distributed/process_placement.h>
#include <dino/log/human_readable.h>
#include <dino/model/matmul.h>
#include <dino/system/simd_level.h>
#include <dino/train/step_benchmark.h>
#include <dino/session/run_options.h>

#include <ATen/Parallel.h>

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

namespace dino::cli {
namespace {

struct AugmentBenchArgs {
  std::string data_path;
  int num_workers = 0;  // 0: one per core
  int64_t local_crops_number = 8;
  int global_crops_size = 224;
  int local_crops_size = 96;
  int64_t batch_size = 32;
  int64_t batches = 20;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void run_augment_bench(const AugmentBenchArgs& a) {
  if (a.batch_size <= 0 || a.batches <= 0) throw UsageError("--batch_size and --batches must be positive");
  if (a.local_crops_number < 0) throw UsageError("--local_crops_number must not be negative");
  auto source = open_image_source(a.data_path);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int workers = a.num_workers > 0 ? a.num_workers : cores;
  MultiCropOptions crops;
  crops.global_crops_size = a.global_crops_size;
  crops.local_crops_size = a.local_crops_size;
  crops.local_crops_number = static_cast<int>(a.local_crops_number);

  // Decoding alone, one thread, as the share of the work that is not augmentation.
  const int64_t decode_count = std::min<int64_t>(source->size(), 200);
  auto start = std::chrono::steady_clock::now();
  int64_t decoded = 0;
  for (int64_t i = 0; i < decode_count; ++i) {
    try {
      decoded += source->rgb(i).empty() ? 0 : 1;
    } catch (const ImageReadError&) {
    }
  }
  const double decode_rate = static_cast<double>(decoded) / seconds_since(start);

  LoaderOptions options;
  options.batch_size = a.batch_size;
  options.num_workers = workers;
  MultiCropLoader loader(source, crops, options);
  const int64_t batches = std::min(a.batches, loader.batches_per_epoch() - 1);
  if (batches < 1)
    throw UsageError("--data_path holds too few images for two batches of " + std::to_string(a.batch_size));
  loader.start_epoch(0);
  loader.next();  // warm-up: threads started, caches filled
  start = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < batches; ++i) loader.next();
  const double elapsed = seconds_since(start);
  loader.stop();
  const double rate = static_cast<double>(batches * a.batch_size) / elapsed;
  const int busy = std::min(workers, cores);
  std::cout << std::fixed << std::setprecision(1) << "augment: " << source->size() << " images in " << a.data_path
            << "; 2 x " << a.global_crops_size << " + " << a.local_crops_number << " x " << a.local_crops_size
            << " crops; " << workers << " workers on " << cores << " cores\n"
            << "  decoded and augmented: " << rate << " images/s, " << rate / busy << " images/s per core\n"
            << "  decode only (1 thread): " << decode_rate << " images/s\n"
            << "  pixel loops: " << describe_simd_level() << "\n";
}

struct StepBenchArgs {
  TrainingConfig config;  // model, head, optimizer, crops, device and precision as `dino train` takes them
  int64_t warmup_steps = 2;
  int64_t steps = 10;
};

void print_step_result(std::ostream& out, const StepBenchmarkResult& r) {
  out << "  " << log::fixed(r.images_per_second, 2) << " images/s, " << log::fixed(r.seconds_per_step * 1000, 1)
      << " ms/step, " << log::fixed(r.tokens_per_second, 0) << " tokens/s, " << log::fixed(r.model_tflops, 3)
      << " model TFLOP/s (" << log::fixed(r.flops_per_step / 1e9, 1) << " GFLOP/step)\n"
      << "  peak host memory " << log::fixed(static_cast<double>(r.peak_host_bytes) / (1 << 20), 0) << " MiB";
  if (r.peak_device_bytes >= 0)
    out << ", peak device memory " << log::fixed(static_cast<double>(r.peak_device_bytes) / (1 << 20), 0) << " MiB";
  out << "\n";
}

void run_step_bench(StepBenchArgs a) {
  auto& c = a.config;
  if (a.steps <= 0 || a.warmup_steps < 0) throw UsageError("--steps must be positive and --warmup_steps not negative");
  c.epochs = 1;
  c.warmup_epochs = 0;
  c.warmup_teacher_temp_epochs = 0;
  c10::Device device = c10::kCPU;
  try {
    c.validate();
    device = dino::resolve_device(c);  // also checks --precision and --cpu_matmul on this machine
  } catch (const ConfigError& e) {
    throw UsageError(e.what());
  }
  // Under torchrun or srun (or RANK and WORLD_SIZE set by hand) each process times a step of one
  // distributed run: gradient sums started during the backward pass against after it.
  distributed::ProcessPlacement placement;
  try {
    placement = distributed::read_process_placement("env://");
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  std::shared_ptr<distributed::ProcessGroup> group;
  if (placement.distributed()) {
    group = distributed::ProcessGroup::connect(placement, std::chrono::seconds(c.dist_timeout));
    if (device.is_cuda() && (c.device == "auto" || c.device == "cuda"))
      device = c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(placement.local_rank));
  }
  const bool chief = !group || group->rank() == 0;  // the others time the same steps silently
  std::ostringstream silent;
  std::ostream& out = chief ? std::cout : silent;
  const int64_t cores = std::max(1u, std::thread::hardware_concurrency());
  if (c.threads > 0)
    at::set_num_threads(static_cast<int>(c.threads));
  else if (group)
    at::set_num_threads(static_cast<int>(std::max<int64_t>(1, cores / placement.local_world_size)));
  const CpuMatmul asked = parse_cpu_matmul(c.cpu_matmul);
  StepBenchmarkOptions options;
  options.trainer = trainer_options(c, a.warmup_steps + a.steps, device, group);
  options.batch_size = c.batch_size_per_gpu;
  options.global_crops_size = c.global_crops_size;
  options.local_crops_size = c.local_crops_size;
  options.local_crops_number = c.local_crops_number;
  options.warmup_steps = a.warmup_steps;
  options.timed_steps = a.steps;
  const auto& vit = options.trainer.vit;
  const std::string precision = !options.trainer.autocast_dtype ? "fp32"
                                : *options.trainer.autocast_dtype == c10::ScalarType::BFloat16
                                    ? "bf16 autocast"
                                    : "fp16 autocast + grad scaler";
  out << "step: " << vit_arch_name(vit) << "/" << vit.patch_size << " (dim " << vit.embed_dim << ", depth " << vit.depth
      << ", heads " << vit.num_heads << "), head out_dim " << c.out_dim << ", " << c.optimizer << "; batch "
      << c.batch_size_per_gpu << " x (2 x " << c.global_crops_size << " + " << c.local_crops_number << " x "
      << c.local_crops_size << "); " << device.str() << ", " << precision << ", " << at::get_num_threads()
      << (at::get_num_threads() == 1 ? " thread\n" : " threads\n");
  if (group) {
    set_cpu_matmul(asked);
    const auto world = static_cast<double>(group->world_size());
    out << distributed::describe_placement(placement) << "; batch " << c.batch_size_per_gpu << " per process\n";
    double seconds[2] = {0, 0};
    for (const bool overlap : {false, true}) {
      options.trainer.overlap_gradient_averaging = overlap;
      out << (overlap ? "gradient sums started during the backward pass, bucket by bucket (as DDP):\n"
                      : "gradient sums started after the backward pass:\n");
      const auto r = benchmark_training_step(options);
      print_step_result(out, r);
      out << "  " << log::fixed(world * r.images_per_second, 2) << " images/s over the " << group->world_size()
          << " processes; averaging not hidden by the backward pass "
          << log::fixed(r.communication_seconds_per_step * 1000, 1) << " ms/step ("
          << log::fixed(100 * r.communication_seconds_per_step / r.seconds_per_step, 1) << "% of the step)\n";
      seconds[overlap ? 1 : 0] = r.seconds_per_step;
    }
    out << "  during / after (steps per second): " << log::fixed(seconds[0] / seconds[1], 3) << "x\n";
    return;
  }
  // fp32 on the CPU with --cpu_matmul auto: both paths where both work, in turn, so the choice can be
  // checked on this CPU; otherwise the one path asked for.
  const bool fp32_cpu = device.is_cpu() && !options.trainer.autocast_dtype;
  std::vector<CpuMatmul> paths{asked};
  if (fp32_cpu && asked == CpuMatmul::automatic) {
    paths = {CpuMatmul::aten};
    if (onednn_matmul_available()) paths.push_back(CpuMatmul::onednn);
  }
  std::vector<double> rates;
  for (const CpuMatmul path : paths) {
    set_cpu_matmul(path);
    if (fp32_cpu) out << "matrix products: " << describe_cpu_matmul() << "\n";
    const auto r = benchmark_training_step(options);
    print_step_result(out, r);
    rates.push_back(r.images_per_second);
  }
  if (fp32_cpu && asked == CpuMatmul::automatic) {
    set_cpu_matmul(CpuMatmul::automatic);
    out << "auto takes " << describe_cpu_matmul() << "\n";
    if (rates.size() == 2) out << "  onednn / aten: " << log::fixed(rates[1] / rates[0], 2) << "x\n";
  }
}

}  // namespace

void add_bench_command(CLI::App& app) {
  auto* bench = app.add_subcommand("bench", "Measure throughput");
  bench->require_subcommand(1);
  auto a = std::make_shared<AugmentBenchArgs>();
  auto* augment = bench->add_subcommand("augment", "Decoded-and-augmented images per second (multi-crop pipeline)");
  augment->add_option("--data_path", a->data_path, "Image folder, list file, or 'fashion-mnist'")->required();
  augment->add_option("--num_workers", a->num_workers, "Loader threads (0: one per core)")->capture_default_str();
  augment->add_option("--local_crops_number", a->local_crops_number, "Local crops per image")->capture_default_str();
  augment->add_option("--global_crops_size", a->global_crops_size, "Global crop size")->capture_default_str();
  augment->add_option("--local_crops_size", a->local_crops_size, "Local crop size")->capture_default_str();
  augment->add_option("--batch_size", a->batch_size, "Images per batch")->capture_default_str();
  augment->add_option("--batches", a->batches, "Batches timed")->capture_default_str();
  augment->callback([a] { run_augment_bench(*a); });

  auto s = std::make_shared<StepBenchArgs>();
  auto& c = s->config;
  c.batch_size_per_gpu = 32;
  auto* step = bench->add_subcommand("step", "The full training step on synthetic crops: images/s and peak memory");
  // The settings a step depends on, as `dino train` takes them.
  add_setting_flags(*step, c,
                    {"arch", "patch_size", "embed_dim", "depth", "num_heads", "out_dim", "batch_size_per_gpu",
                     "local_crops_number", "global_crops_size", "local_crops_size", "optimizer", "use_fp16",
                     "precision", "device", "threads", "cpu_matmul", "dist_timeout"});
  step->add_option("--warmup_steps", s->warmup_steps, "Untimed steps first")->capture_default_str();
  step->add_option("--steps", s->steps, "Timed steps")->capture_default_str();
  step->callback([s] { run_step_bench(*s); });

  add_attention_bench(*bench);
}

}  // namespace dino::cli
