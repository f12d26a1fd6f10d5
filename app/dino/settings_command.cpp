// `dino settings`: every training setting with its default, what it accepts and what it does, from
// the table in core; --markdown writes docs/training-settings.md.
#include "commands.h"

#include <dino/session/training_settings.h>

#include <iostream>
#include <memory>
#include <string_view>

namespace dino::cli {
namespace {

void print_settings() {
  for (const char* group : training_setting_groups()) {
    std::cout << group << ":\n";
    for (const auto& d : training_settings()) {
      if (std::string_view(d.group) != group) continue;
      const std::string shown = setting_text(d.default_value);
      std::cout << "  " << d.flag() << " " << (shown.empty() ? "''" : shown);
      if (const std::string accepted = d.accepted(); !accepted.empty()) std::cout << "  (" << accepted << ")";
      if (d.from_reference) std::cout << "  [main_dino.py]";
      std::cout << "\n      " << d.help << "\n";
    }
  }
}

}  // namespace

void add_settings_command(CLI::App& app) {
  auto markdown = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("settings", "List every training setting: flag, default, accepted values and meaning");
  cmd->add_flag("--markdown", *markdown, "As docs/training-settings.md");
  cmd->callback([markdown] {
    if (*markdown) {
      std::cout << training_settings_markdown();
    } else {
      print_settings();
    }
  });
}

}  // namespace dino::cli
