// What a TrainingConfig asks of the code that trains: the device and precision on this machine,
// the crops, the loader, the trainer's options and the checkpoint's copy of the settings. One
// mapping for the training session, the step benchmark and the app's previews.
#pragma once

#include "dino/data/data_loader.h"
#include "dino/io/py_value.h"
#include "dino/system/device_info.h"
#include "dino/train/dino_trainer.h"
#include "dino/session/training_config.h"

#include <c10/core/Device.h>

#include <memory>
#include <optional>

namespace dino {

// --device resolved ("auto": the first GPU, else the CPU) and checked, with --precision and
// --cpu_matmul, against this process's devices and LibTorch (bf16 needs compute capability 8.0 on
// CUDA; oneDNN's fp32 products need a CPU LibTorch runs them on). Throws ConfigError naming the flag.
c10::Device resolve_device(const TrainingConfig& config);
// The autocast dtype for `device` (none: fp32). auto on CUDA with --use_fp16: bf16 where the GPU
// supports it, else fp16 with a gradient scaler as the reference.
std::optional<c10::ScalarType> autocast_dtype(const TrainingConfig& config, const DeviceInfo& device);
MultiCropOptions multi_crop_options(const TrainingConfig& config);
// The run's training images: --data_path with --limit_images, which under a --time_budget takes
// images spread over the data rather than the first (the budget may have chosen the limit).
std::shared_ptr<const ImageSource> open_training_images(const TrainingConfig& config);
// The loader a run uses (batch size, workers, seed; shuffled; with a process `group`, this rank's
// shard). Pinned memory is the device's business: the session sets it.
LoaderOptions loader_options(const TrainingConfig& config, const distributed::ProcessGroup* group = nullptr);
// With a process `group`, the trainer exchanges over it and its learning rate scales with every
// rank's batch together.
TrainerOptions trainer_options(const TrainingConfig& config, int64_t iterations_per_epoch, c10::Device device,
                               std::shared_ptr<distributed::ProcessGroup> group = {});
// The settings as a Python dict, for a checkpoint's 'args'.
io::PyValue checkpoint_args(const TrainingConfig& config);

}  // namespace dino
