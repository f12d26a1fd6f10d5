// Every setting of a training run, with main_dino.py's names plus ours. The fields are declared
// here; their defaults, ranges, help and groups live once, in the table of training_settings.h,
// which the command line, the app's editors, config.json and docs/training-settings.md all read.
// Free of LibTorch, so the app's widgets take a typed configuration; what the settings mean to the
// code that trains (device, autocast, loader, trainer options) is in run_options.h.
#pragma once

#include "dino/model/vit_config.h"

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace dino {

// A bad setting; the message names the flag (or JSON key) and what is accepted.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct TrainingConfig {
  TrainingConfig();  // every field at its default (training_settings.h); {} only guards a field without a row

  // main_dino.py
  std::string arch{};
  int64_t patch_size{};
  int64_t out_dim{};
  bool norm_last_layer{};
  double momentum_teacher{};
  bool use_bn_in_head{};
  double warmup_teacher_temp{};
  double teacher_temp{};
  int64_t warmup_teacher_temp_epochs{};
  bool use_fp16{};
  double weight_decay{};
  double weight_decay_end{};
  double clip_grad{};
  int64_t batch_size_per_gpu{};
  int64_t epochs{};
  int64_t freeze_last_layer{};
  double lr{};
  int64_t warmup_epochs{};
  double min_lr{};
  std::string optimizer{};
  double drop_path_rate{};
  std::vector<double> global_crops_scale{};
  int64_t local_crops_number{};
  std::vector<double> local_crops_scale{};
  std::string data_path{};
  std::string output_dir{};
  int64_t saveckp_freq{};
  int64_t seed{};
  int64_t num_workers{};
  std::string dist_url{};
  int64_t local_rank{};
  // ours
  std::string device{};
  std::string precision{};
  int64_t global_crops_size{};
  int64_t local_crops_size{};
  int64_t embed_dim{};
  int64_t depth{};
  int64_t num_heads{};
  int64_t head_hidden_dim{};
  int64_t head_bottleneck_dim{};
  int64_t head_layers{};
  int64_t limit_images{};
  int64_t print_freq{};
  int64_t checkpoint_every_steps{};
  bool eval_knn{};
  std::string knn_data_path{};
  int64_t knn_freq{};
  int64_t knn_train_images{};
  int64_t knn_test_images{};
  int64_t threads{};
  std::string cpu_matmul{};
  std::string time_budget{};
  int64_t dist_timeout{};
  int64_t nproc_per_node{};

  // Every setting within its range and choices, and the settings consistent with each other.
  // Throws ConfigError naming the flag. What depends on this machine (the device, bf16, oneDNN) is
  // checked by resolve_device() in run_options.h.
  void validate() const;
  // The model the settings describe (--arch with the overrides). Throws ConfigError.
  VitConfig vit() const;

  std::string to_json() const;
  // Keys absent from the text keep their current values; unknown keys and wrong types are errors
  // that name `source` and the key.
  void merge_json(const std::string& text, const std::string& source);
  void merge_json_file(const std::filesystem::path& file);

  bool operator==(const TrainingConfig&) const = default;
};

}  // namespace dino
