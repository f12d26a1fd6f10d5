// The settings of the Fashion-MNIST demo preset without its time budget: the starting point of the
// tests that train, which set their own epochs.
#pragma once

#include <dino/session/training_config.h>
#include <dino/session/training_presets.h>

#include <string>

namespace dino::test {

inline TrainingConfig demo_settings() {
  TrainingConfig config;
  apply_training_preset(config, "fashion-mnist-demo");
  config.time_budget.clear();  // the tests choose their epochs
  return config;
}

// The demo shrunk to seconds a run on 2 cores: 512 images, one block, no k-NN evaluation; for the
// tests that start runs through the app's controller.
inline TrainingConfig tiny_demo_settings(const std::string& output_dir, int epochs) {
  auto settings = demo_settings();
  settings.output_dir = output_dir;
  settings.epochs = epochs;
  settings.limit_images = 512;
  settings.batch_size_per_gpu = 32;
  settings.eval_knn = false;
  settings.depth = 1;
  settings.num_workers = 1;
  return settings;
}

}  // namespace dino::test
