#include "cli_support.h"

#include <dino/model/device.h>

namespace dino::cli {

c10::Device resolve_device(const std::string& name) {
  try {
    return parse_device(name);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

io::PretrainedBackbone load_backbone(const std::string& path, const std::string& checkpoint_key, const std::string& arch,
                                     int64_t patch_size) {
  try {
    return io::load_pretrained_backbone(path, checkpoint_key, arch, patch_size);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}


}  // namespace dino::cli
