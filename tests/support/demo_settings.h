// The settings of the Fashion-MNIST demo preset, the starting point of the tests that train.
#pragma once

#include <dino/session/training_config.h>
#include <dino/session/training_presets.h>

namespace dino::test {

inline TrainingConfig demo_settings() {
  TrainingConfig config;
  apply_training_preset(config, "fashion-mnist-demo");
  return config;
}

}  // namespace dino::test
