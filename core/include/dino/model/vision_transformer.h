// The DINO vision transformer (reference.md §2): state-dict names and numbers as the reference's.
#pragma once

#include "dino/model/patch_embed.h"
#include "dino/model/transformer_block.h"
#include "dino/model/vit_config.h"

#include <torch/nn/modules/container/modulelist.h>

namespace dino {

class VisionTransformerImpl : public torch::nn::Module {
 public:
  explicit VisionTransformerImpl(const VitConfig& config);

  // The final-normed CLS token, (B, D).
  torch::Tensor forward(const torch::Tensor& images);
  // Patch tokens with the CLS token in front and position encodings added, (B, 1 + N, D).
  torch::Tensor prepare_tokens(const torch::Tensor& images);
  // Position encodings for an (height x width) input (reference.md §2.2): the stored table unchanged when
  // the patch count matches and the image is square, otherwise its bicubic resampling with the
  // reference's scale factor (int(side / p) + 0.1) / sqrt(N).
  torch::Tensor interpolate_pos_encoding(int64_t num_patch_tokens, int64_t height, int64_t width);
  // Post-softmax attention (B, heads, 1 + N, 1 + N) of block `layer` (negative counts from the
  // end; -1 is the reference's get_last_selfattention). Blocks before it run the fused path.
  torch::Tensor get_selfattention(const torch::Tensor& images, int64_t layer = -1);
  torch::Tensor get_last_selfattention(const torch::Tensor& images) { return get_selfattention(images, -1); }
  // Every block's attention probabilities, first block first, each (B, heads, 1 + N, 1 + N): what
  // attention rollout needs.
  std::vector<torch::Tensor> get_all_selfattentions(const torch::Tensor& images);
  // norm(x) after each of the last n blocks, earliest first, each (B, 1 + N, D).
  std::vector<torch::Tensor> get_intermediate_layers(const torch::Tensor& images, int64_t n = 1);

  const VitConfig& config() const { return config_; }

  PatchEmbed patch_embed{nullptr};
  torch::Tensor cls_token;
  torch::Tensor pos_embed;
  torch::nn::ModuleList blocks{nullptr};
  torch::nn::LayerNorm norm{nullptr};

 private:
  TransformerBlock block(size_t index) const;
  void initialise_weights();

  VitConfig config_;
};
TORCH_MODULE(VisionTransformer);

}  // namespace dino
