// The settings of the Fashion-MNIST demo preset without its time budget: the starting point of the
// tests that train, which set their own epochs.
#pragma once

#include <dino/session/training_config.h>
#include <dino/session/training_presets.h>

namespace dino::test {

inline TrainingConfig demo_settings() {
  TrainingConfig config;
  apply_training_preset(config, "fashion-mnist-demo");
  config.time_budget.clear();  // the tests choose their epochs
  return config;
}

}  // namespace dino::test
