#include "dino/model/vit_config.h"

#include <sstream>

namespace dino {
namespace {

struct Preset {
  const char* name;
  int64_t embed_dim;
  int64_t num_heads;
};

// reference.md §2.1: every preset has depth 12, head_dim 64, mlp_ratio 4, qkv bias and LayerNorm 1e-6.
constexpr Preset kPresets[] = {
    {"vit_tiny", 192, 3},
    {"vit_small", 384, 6},
    {"vit_base", 768, 12},
};

}  // namespace

std::string VitConfig::validate() const {
  std::ostringstream why;
  if (patch_size <= 0) why << "patch_size must be positive (got " << patch_size << "); ";
  if (embed_dim <= 0) why << "embed_dim must be positive (got " << embed_dim << "); ";
  if (depth <= 0) why << "depth must be positive (got " << depth << "); ";
  if (num_heads <= 0) why << "num_heads must be positive (got " << num_heads << "); ";
  if (num_heads > 0 && embed_dim % num_heads != 0)
    why << "embed_dim " << embed_dim << " is not divisible by num_heads " << num_heads << "; ";
  if (patch_size > 0 && (img_size < patch_size || img_size % patch_size != 0))
    why << "img_size " << img_size << " is not a positive multiple of patch_size " << patch_size << "; ";
  if (drop_path_rate < 0.0 || drop_path_rate >= 1.0)
    why << "drop_path_rate must lie in [0, 1) (got " << drop_path_rate << "); ";
  if (mlp_ratio <= 0.0) why << "mlp_ratio must be positive; ";
  std::string text = why.str();
  if (text.size() >= 2) text.resize(text.size() - 2);
  return text;
}

std::optional<VitConfig> vit_preset(std::string_view arch, int64_t patch_size) {
  std::string name(arch);
  if (name.rfind("deit", 0) == 0) name = "vit" + name.substr(4);  // reference.md §1.1: deit* is vit*
  for (const auto& preset : kPresets) {
    if (name == preset.name) {
      VitConfig config;
      config.patch_size = patch_size;
      config.embed_dim = preset.embed_dim;
      config.num_heads = preset.num_heads;
      return config;
    }
  }
  return std::nullopt;
}

std::vector<std::string> vit_preset_names() {
  std::vector<std::string> names;
  for (const auto& preset : kPresets) names.emplace_back(preset.name);
  return names;
}

std::string vit_arch_name(const VitConfig& config) {
  for (const auto& preset : kPresets) {
    if (config.embed_dim == preset.embed_dim && config.num_heads == preset.num_heads &&
        config.depth == 12 && config.mlp_ratio == 4.0 && config.qkv_bias)
      return preset.name;
  }
  return "custom";
}

int64_t vit_parameter_count(const VitConfig& c) {
  const int64_t d = c.embed_dim;
  const int64_t hidden = c.mlp_hidden_dim();
  const int64_t patch = d * c.in_chans * c.patch_size * c.patch_size + d;
  const int64_t tokens = d + (c.num_patches() + 1) * d;  // cls_token + pos_embed
  const int64_t attention = d * 3 * d + (c.qkv_bias ? 3 * d : 0) + d * d + d;
  const int64_t mlp = d * hidden + hidden + hidden * d + d;
  const int64_t block = 2 * (2 * d) + attention + mlp;  // two LayerNorms
  return patch + tokens + c.depth * block + 2 * d;
}

}  // namespace dino
