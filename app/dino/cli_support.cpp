#include "cli_support.h"

#include <dino/log/log.h>
#include <dino/system/device.h>

namespace dino::cli {

c10::Device resolve_device(const std::string& name) {
  try {
    return parse_device(name);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

CLI::Option* add_weights_flags(CLI::App& command, WeightsFlags& flags) {
  auto* weights =
      command.add_option("--pretrained_weights", flags.pretrained_weights, "Weights file or training checkpoint");
  command.add_option("--checkpoint_key", flags.checkpoint_key, "Sub-dict to take from a checkpoint")
      ->capture_default_str();
  command.add_option("--arch", flags.arch, "vit_tiny, vit_small or vit_base (default: inferred from the weights)");
  command.add_option("--patch_size", flags.patch_size, "Patch size in pixels (default: inferred from the weights)")
      ->check(CLI::PositiveNumber);
  return weights;
}

std::function<void(int64_t)> feature_progress(const std::string& what, int64_t total) {
  return [what, total, progress = ProgressLog()](int64_t done) mutable {
    if (progress.due(done, total))
      log::info("features of " + what + ": " + std::to_string(done) + "/" + std::to_string(total));
  };
}

io::PretrainedBackbone load_backbone(const WeightsFlags& flags) {
  try {
    return io::load_pretrained_backbone(flags.pretrained_weights, flags.checkpoint_key, flags.arch, flags.patch_size);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

}  // namespace dino::cli
