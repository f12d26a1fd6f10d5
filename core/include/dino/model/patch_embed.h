// Image to patch tokens: a strided convolution, tokens in row-major (row, column) order.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>

namespace dino {

class PatchEmbedImpl : public torch::nn::Module {
 public:
  PatchEmbedImpl(int64_t in_chans, int64_t embed_dim, int64_t patch_size);
  // (B, C, H, W) -> (B, (H/p)*(W/p), D)
  torch::Tensor forward(const torch::Tensor& images);

  torch::nn::Conv2d proj{nullptr};  // keeps PyTorch's default Conv2d init (reference.md §2.3)
};
TORCH_MODULE(PatchEmbed);

}  // namespace dino
