// Named starting points for a run: the built-in Fashion-MNIST demo and the reference README's
// recipes. A preset is a set of settings laid over the defaults; flags and fields still override it.
#pragma once

#include <string>
#include <vector>

namespace dino {

struct TrainingConfig;

struct TrainingPreset {
  std::string name;         // what --preset takes
  std::string title;        // one line for menus
  std::string description;  // when to use it, and where it comes from
  std::string settings;     // a JSON object of TrainingConfig keys
};

const std::vector<TrainingPreset>& training_presets();

// Lays the named preset over `config`. Throws ConfigError listing the known names.
void apply_training_preset(TrainingConfig& config, const std::string& name);

}  // namespace dino
