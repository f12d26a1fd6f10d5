// Every setting of a training run, with main_dino.py's names and defaults (spec §1.1) plus ours.
// The command line binds its flags to these fields; the resolved configuration is written to the
// output folder as config.json and can be read back (--config).
#pragma once

#include "dino/data/data_loader.h"
#include "dino/io/py_value.h"
#include "dino/model/device_info.h"
#include "dino/train/dino_trainer.h"

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
  // main_dino.py
  std::string arch = "vit_small";
  int64_t patch_size = 16;
  int64_t out_dim = 65536;
  bool norm_last_layer = true;
  double momentum_teacher = 0.996;
  bool use_bn_in_head = false;
  double warmup_teacher_temp = 0.04;
  double teacher_temp = 0.04;
  int64_t warmup_teacher_temp_epochs = 0;
  bool use_fp16 = true;
  double weight_decay = 0.04;
  double weight_decay_end = 0.4;
  double clip_grad = 3.0;
  int64_t batch_size_per_gpu = 64;
  int64_t epochs = 100;
  int64_t freeze_last_layer = 1;
  double lr = 0.0005;
  int64_t warmup_epochs = 10;
  double min_lr = 1e-6;
  std::string optimizer = "adamw";
  double drop_path_rate = 0.1;
  std::vector<double> global_crops_scale{0.4, 1.0};
  int64_t local_crops_number = 8;
  std::vector<double> local_crops_scale{0.05, 0.4};
  std::string data_path = "fashion-mnist";  // the built-in demo data set
  std::string output_dir = ".";
  int64_t saveckp_freq = 20;
  int64_t seed = 0;
  int64_t num_workers = 10;
  // ours
  std::string device = "auto";
  // auto: bf16 autocast on CUDA while --use_fp16 is true, fp32 on the CPU; fp32; bf16; fp16 (the
  // reference's --use_fp16 path: fp16 autocast and a gradient scaler).
  std::string precision = "auto";
  int64_t global_crops_size = 224;
  int64_t local_crops_size = 96;
  int64_t embed_dim = 0;  // 0: the arch's
  int64_t depth = 0;
  int64_t num_heads = 0;
  int64_t head_hidden_dim = 2048;
  int64_t head_bottleneck_dim = 256;
  int64_t head_layers = 3;
  int64_t limit_images = 0;  // 0: all
  int64_t print_freq = 10;
  int64_t checkpoint_every_steps = 0;  // 0: at the end of each epoch only
  bool eval_knn = true;
  std::string knn_data_path;  // labelled train/val splits; empty: --data_path when it has them
  int64_t knn_freq = 0;  // epochs; 0: at initialisation and after the last epoch only
  int64_t knn_train_images = 10000;
  int64_t knn_test_images = 10000;
  int64_t threads = 0;  // 0: all cores
  // The CPU's fp32 matrix products: auto (oneDNN where LibTorch has it), aten or onednn (model/matmul.h).
  std::string cpu_matmul = "auto";

  // Throws ConfigError naming the flag.
  void validate() const;
  VitConfig vit() const;
  // --device resolved ("auto": the first GPU, else the CPU), checked against this process's devices
  // and --precision (bf16 needs compute capability 8.0 on CUDA). Throws ConfigError naming the flag.
  c10::Device resolve_device() const;
  // The autocast dtype for `device` (none: fp32). auto on CUDA with --use_fp16: bf16 where the GPU
  // supports it, else fp16 with a gradient scaler as the reference.
  std::optional<c10::ScalarType> autocast_dtype(const DeviceInfo& device) const;
  MultiCropOptions crops() const;
  // The loader a run uses (batch size, workers, seed; shuffled, one rank). Pinned memory is the
  // device's business: the session sets it.
  LoaderOptions loader_options() const;

  std::string to_json() const;
  // The settings as a Python dict, for a checkpoint's 'args'.
  io::PyValue to_py() const;
  // Keys absent from the file keep their current values; unknown keys and wrong types are errors
  // that name the file and key.
  void merge_json_file(const std::filesystem::path& file);
  void merge_json(const std::string& text, const std::string& source);
};

}  // namespace dino
