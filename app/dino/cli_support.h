// Helpers shared by the sub-commands: device choice and the usage-error type.
#pragma once

#include <dino/io/pretrained_backbone.h>

#include <c10/core/Device.h>

#include <stdexcept>
#include <string>

namespace dino::cli {

// A bad flag value, reported as "dino: error: ..." with exit code 2 (as argparse does).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// dino::parse_device, with a bad value reported as a usage error.
c10::Device resolve_device(const std::string& name);

// io::load_pretrained_backbone, with an unknown --arch reported as a usage error.
io::PretrainedBackbone load_backbone(const std::string& path, const std::string& checkpoint_key, const std::string& arch,
                                     int64_t patch_size);


}  // namespace dino::cli
