// Pre-norm transformer block with stochastic depth (reference.md §2.2).
#pragma once

#include "dino/model/attention.h"

#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace dino {

// Stochastic depth: in training, each sample's residual branch is kept with probability
// 1 - rate and rescaled by 1 / (1 - rate); a no-op at rate 0 or in evaluation.
torch::Tensor drop_path(const torch::Tensor& branch, double rate, bool training);

class MlpImpl : public torch::nn::Module {
 public:
  MlpImpl(int64_t dim, int64_t hidden_dim);
  torch::Tensor forward(const torch::Tensor& x);  // fc1, exact (erf) GELU, fc2

  torch::nn::Linear fc1{nullptr};
  torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(Mlp);

class TransformerBlockImpl : public torch::nn::Module {
 public:
  TransformerBlockImpl(int64_t dim, int64_t num_heads, int64_t mlp_hidden_dim, bool qkv_bias,
                       double drop_path_rate, double layer_norm_eps);

  torch::Tensor forward(const torch::Tensor& x);  // fused attention
  // The block's attention probabilities (B, heads, N, N), computed on norm1(x) as the reference's
  // `return_attention` path does; the block's output is not computed.
  torch::Tensor attention_map(const torch::Tensor& x);

  double drop_path_rate() const { return drop_path_rate_; }

  torch::nn::LayerNorm norm1{nullptr};
  Attention attn{nullptr};
  torch::nn::LayerNorm norm2{nullptr};
  Mlp mlp{nullptr};

 private:
  double drop_path_rate_;
};
TORCH_MODULE(TransformerBlock);

}  // namespace dino
