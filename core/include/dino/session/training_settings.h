// The one table of training settings: for each, its key (config.json's key and the flag's name),
// type, default, range or choices, group, label, help, and whether main_dino.py has the same flag.
// `dino train`'s flags, the app's editors, config.json, validation and docs/training-settings.md
// are all generated from it, so a new setting is one row here plus its field in TrainingConfig.
#pragma once

#include "dino/session/training_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dino {

// A setting's value, as config.json holds it.
using SettingValue = std::variant<bool, int64_t, double, std::string, std::vector<double>>;
// The TrainingConfig field a setting reads and writes.
using SettingField = std::variant<bool TrainingConfig::*, int64_t TrainingConfig::*, double TrainingConfig::*,
                                  std::string TrainingConfig::*, std::vector<double> TrainingConfig::*>;

enum class SettingKind {
  flag,  // true/false
  integer,
  real,
  choice,     // one of `choices`
  text,       // free text (the device: its values depend on the machine)
  path,       // a file or folder
  real_pair,  // two numbers, min and max, each within the range
};

// A number's limit: inclusive unless `open`.
struct SettingBound {
  double value = 0;
  bool open = false;
};

struct SettingDescription {
  std::string key;
  SettingKind kind = SettingKind::integer;
  SettingField field;
  SettingValue default_value;
  std::optional<SettingBound> minimum, maximum;
  std::vector<std::string> choices;
  std::vector<std::string> aliases;       // also accepted, not offered in menus (--arch deit_small)
  std::vector<std::string> flag_aliases;  // other spellings of the flag the command line takes
  // Display texts in English, translated by the app in the "TrainingSetting" context.
  const char* group = "";
  const char* label = "";
  const char* help = "";
  // main_dino.py has a flag of this name, with the same default (except --data_path, which is the
  // built-in demo here rather than a placeholder path).
  bool from_reference = false;
  bool command_line_only = false;  // means nothing in the app (--print_freq): no editor there

  std::string flag() const { return "--" + key; }
  SettingValue get(const TrainingConfig& config) const;
  // Throws ConfigError, naming the key, when `value` is not of the setting's type (an integer is
  // accepted for a real).
  void set(TrainingConfig& config, const SettingValue& value) const;
  // Empty when `config`'s value is within the range and choices; otherwise why, naming the flag.
  std::string problem(const TrainingConfig& config) const;
  // The range or choices in words ("at least 20", "in [0, 1)", "adamw, sgd or lars"); empty for none.
  std::string accepted() const;
};

// In display order.
const std::vector<SettingDescription>& training_settings();
// nullptr for an unknown key.
const SettingDescription* find_training_setting(std::string_view key);
// The groups in display order.
std::vector<const char*> training_setting_groups();

// A value as a command line takes it: numbers as JSON writes them (0.0005, 1.0), the two numbers of
// a pair separated by a space, text as it is.
std::string setting_text(const SettingValue& value);
// The settings that differ from the defaults as a `dino train` command line, in table order, each
// word quoted for a POSIX shell where it needs it.
std::string training_command_line(const TrainingConfig& config);
// docs/training-settings.md: every setting by group, with its flag, default, range and help.
std::string training_settings_markdown();

}  // namespace dino
