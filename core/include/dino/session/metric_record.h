// One record of the stream a training session sends to its listeners and to metrics.jsonl.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dino {

struct MetricRecord {
  enum class Kind { Step, Epoch, Knn };
  Kind kind = Kind::Step;
  int64_t epoch = 0;
  int64_t iteration = 0;      // global: epoch * iterations_per_epoch + step
  int64_t step = 0;           // within the epoch
  int64_t steps_per_epoch = 0;
  int64_t epochs = 0;
  double loss = 0;
  double lr = 0, weight_decay = 0, momentum = 0, teacher_temperature = 0;
  double teacher_entropy = 0, kl_divergence = 0, mean_teacher_entropy = 0;
  double center_norm = 0, center_mean = 0, center_std = 0, center_min = 0, center_max = 0;
  double images_per_second = 0;
  double data_seconds = 0;   // this step's wait for its batch
  double step_seconds = 0;   // this step's forward, backward and update
  int64_t memory_bytes = 0;         // resident memory of the process
  int64_t device_memory_bytes = 0;  // tensors in the CUDA caching allocator; 0 on the CPU or when unknown
  double elapsed_seconds = 0;
  double eta_seconds = 0;
  std::optional<double> knn_top1, knn_top5;

  // One line of JSON (metrics.jsonl).
  std::string to_json() const;
  // The inverse, for following a run from its metrics.jsonl: unknown keys are ignored and missing
  // ones keep their defaults. Returns nullopt for a line that is not a JSON object with a kind.
  static std::optional<MetricRecord> from_json(const std::string& line);
};

}  // namespace dino
