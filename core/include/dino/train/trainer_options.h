// From the settings a user gives (TrainingConfig) to what the training step needs (TrainerOptions):
// one mapping for the training session and the step benchmark.
#pragma once

#include "dino/train/dino_trainer.h"
#include "dino/train/training_config.h"

namespace dino {

TrainerOptions trainer_options(const TrainingConfig& config, int64_t iterations_per_epoch, c10::Device device);

}  // namespace dino
