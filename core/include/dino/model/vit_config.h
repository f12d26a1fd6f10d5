// Shape of a DINO vision transformer: the reference's presets (reference.md §2.1) or custom sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dino {

struct VitConfig {
  int64_t img_size = 224;  // native input size; pos_embed holds (img_size / patch_size)^2 + 1 rows
  int64_t patch_size = 16;
  int64_t in_chans = 3;
  int64_t embed_dim = 384;
  int64_t depth = 12;
  int64_t num_heads = 6;
  double mlp_ratio = 4.0;
  bool qkv_bias = true;
  double drop_path_rate = 0.0;  // stochastic depth of the last block; student only (reference.md §1.4)
  double layer_norm_eps = 1e-6;  // the reference's eps, not LibTorch's default 1e-5

  int64_t head_dim() const { return embed_dim / num_heads; }
  int64_t mlp_hidden_dim() const { return static_cast<int64_t>(embed_dim * mlp_ratio); }
  int64_t grid_side() const { return img_size / patch_size; }
  int64_t num_patches() const { return grid_side() * grid_side(); }
  // Empty when the configuration is usable, otherwise what is wrong with it.
  std::string validate() const;
};

// "vit_tiny", "vit_small", "vit_base" (and the reference's "deit_tiny"/"deit_small" aliases).
std::optional<VitConfig> vit_preset(std::string_view arch, int64_t patch_size = 16);
std::vector<std::string> vit_preset_names();
// The preset name whose width, depth, heads and MLP ratio match, or "custom".
std::string vit_arch_name(const VitConfig& config);
// Parameters of the backbone, computed from the shapes alone (reference.md §2.1 lists the presets').
int64_t vit_parameter_count(const VitConfig& config);

}  // namespace dino
