#include "dino/io/pretrained_backbone.h"

#include "dino/io/state_dict.h"

#include <torch/torch.h>

namespace dino::io {
namespace {

VitConfig choose_config(const PretrainedWeights& weights, const std::string& path, const std::string& arch,
                        int64_t patch_size) {
  VitConfig inferred = infer_vit_config(weights, path);
  const int64_t patch = patch_size > 0 ? patch_size : inferred.patch_size;
  if (arch.empty()) {
    inferred.patch_size = patch;
    return inferred;
  }
  auto preset = vit_preset(arch, patch);
  if (!preset) throw std::invalid_argument("--arch " + arch + ": not one of vit_tiny, vit_small, vit_base");
  preset->img_size = inferred.img_size / inferred.patch_size * patch;
  return *preset;
}

}  // namespace

PretrainedBackbone load_pretrained_backbone(const std::string& path, const std::string& checkpoint_key,
                                            const std::string& arch, int64_t patch_size) {
  const auto weights = load_pretrained_weights(path, checkpoint_key);
  PretrainedBackbone result;
  result.config = choose_config(weights, path, arch, patch_size);
  result.model = VisionTransformer(result.config);
  auto report = load_state_dict(*result.model, weights.state_dict, /*strict=*/false, path);
  report.set_aside_head();
  if (!report.missing.empty())
    throw std::runtime_error(path + ": the weights lack tensors the model needs: " + report.describe());
  result.description = path + " into " + vit_arch_name(result.config) + "/" + std::to_string(result.config.patch_size) +
                       ": " + report.describe(4);
  return result;
}

}  // namespace dino::io
