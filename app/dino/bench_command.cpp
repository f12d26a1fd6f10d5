// `dino bench`: throughput measurements, printed as rates.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/data_loader.h>
#include <dino/data/image_file.h>
#include <dino/data/open_data.h>

#include <chrono>
#include <iomanip>
#include <iostream>
#include <thread>

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
  if (batches < 1) throw UsageError("--data_path holds too few images for two batches of " + std::to_string(a.batch_size));
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
            << "  decode only (1 thread): " << decode_rate << " images/s\n";
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
}

}  // namespace dino::cli
