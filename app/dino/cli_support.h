// Helpers shared by the sub-commands: device choice, the weights flags and the usage-error type.
#pragma once

#include <dino/io/pretrained_backbone.h>

#include <CLI/CLI.hpp>
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

// The weights flags of the reference's evaluation scripts (eval_knn.py, visualize_attention.py).
struct WeightsFlags {
  std::string pretrained_weights;
  std::string checkpoint_key = "teacher";
  std::string arch;        // empty: inferred from the weights
  int64_t patch_size = 0;  // 0: inferred from the weights
};

// Registers --pretrained_weights, --checkpoint_key, --arch and --patch_size on `command`; returns
// the --pretrained_weights option, for commands that require it.
CLI::Option* add_weights_flags(CLI::App& command, WeightsFlags& flags);

// io::load_pretrained_backbone, with an unknown --arch reported as a usage error.
io::PretrainedBackbone load_backbone(const WeightsFlags& flags);

}  // namespace dino::cli
