// A bias-free Linear layer under weight normalisation, weight = g * v / ||v||_row, with the legacy
// nn.utils.weight_norm parameter names (weight_g, weight_v) that the reference checkpoints use.
#pragma once

#include <torch/nn/module.h>

namespace dino {

class WeightNormLinearImpl : public torch::nn::Module {
 public:
  // g starts at 1 and, with `freeze_norm`, never trains (the reference's norm_last_layer).
  WeightNormLinearImpl(int64_t in_features, int64_t out_features, bool freeze_norm);
  torch::Tensor forward(const torch::Tensor& x);
  // g * v / ||v|| per output row, with no epsilon, as torch._weight_norm(v, g, 0) computes it.
  torch::Tensor weight() const;

  torch::Tensor weight_g;  // (out, 1)
  torch::Tensor weight_v;  // (out, in), PyTorch's default Linear init (reference.md §2.4)
};
TORCH_MODULE(WeightNormLinear);

}  // namespace dino
