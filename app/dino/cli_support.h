// Helpers shared by the sub-commands: device choice, the weights flags and the usage-error type.
#pragma once

#include <dino/io/pretrained_backbone.h>

#include <CLI/CLI.hpp>
#include <c10/core/Device.h>

#include <chrono>
#include <functional>
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

// Progress of a long loop in the log: due() is true for the last item and at most every ten
// seconds before it, so a run of hours writes a line now and then and a quick one only its end.
class ProgressLog {
 public:
  bool due(int64_t done, int64_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::seconds(10)) return false;
    last_ = now;
    return true;
  }
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

// A progress callback for a feature extraction (batched_features' `progress`): "features of WHAT:
// done/total" in the log, as often as ProgressLog allows.
std::function<void(int64_t)> feature_progress(const std::string& what, int64_t total);

}  // namespace dino::cli
