// The training settings' flags, made from the table in core (training_settings.h): `dino train`
// registers every one, `dino bench step` the ones a step depends on.
#pragma once

#include <dino/session/training_config.h>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace dino::cli {

// Binds --key to `config`'s field for each setting in `keys` (all of them when empty), with the
// table's help and, as the default shown, the field's value now.
void add_setting_flags(CLI::App& command, TrainingConfig& config, const std::vector<std::string>& keys = {});

}  // namespace dino::cli
