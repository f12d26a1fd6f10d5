#include "setting_flags.h"

#include <dino/session/training_settings.h>

#include <algorithm>
#include <stdexcept>

namespace dino::cli {

void add_setting_flags(CLI::App& command, TrainingConfig& config, const std::vector<std::string>& keys) {
  for (const std::string& key : keys)
    if (!find_training_setting(key)) throw std::logic_error("no training setting '" + key + "'");
  for (const auto& d : training_settings()) {
    if (!keys.empty() && std::find(keys.begin(), keys.end(), d.key) == keys.end()) continue;
    std::string help = d.help;
    if (const std::string accepted = d.accepted(); d.kind == SettingKind::choice) help += " [" + accepted + "]";
    std::string names = d.flag();
    for (const auto& alias : d.flag_aliases) names += "," + alias;
    CLI::Option* option =
        std::visit([&](auto member) { return command.add_option(names, config.*member, help); }, d.field);
    if (d.kind == SettingKind::real_pair) option->expected(2);
    option->capture_default_str();
  }
}

}  // namespace dino::cli
