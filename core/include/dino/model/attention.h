// Multi-head self-attention of the reference ViT (reference.md §2.2).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

#include <utility>

namespace dino {

class AttentionImpl : public torch::nn::Module {
 public:
  AttentionImpl(int64_t dim, int64_t num_heads, bool qkv_bias);

  // Fused path (scaled_dot_product_attention): used whenever no attention map is needed.
  torch::Tensor forward(const torch::Tensor& x);
  // Explicit path: softmax(q k^T * scale) v, returning (output, probabilities (B, heads, N, N)).
  // Kept readable on purpose; a test checks that both paths agree.
  std::pair<torch::Tensor, torch::Tensor> forward_with_attention(const torch::Tensor& x);
  // Queries and keys, each (B, heads, N, head_dim), of an input already normed: softmax(q k^T *
  // scale) taken a few query rows at a time gives rows of the attention without the N x N whole.
  std::pair<torch::Tensor, torch::Tensor> queries_and_keys(const torch::Tensor& x);

  int64_t num_heads() const { return num_heads_; }
  double scale() const { return scale_; }

  torch::nn::Linear qkv{nullptr};  // rows ordered [q | k | v] x heads x head_dim
  torch::nn::Linear proj{nullptr};

 private:
  // (B, N, D) -> q, k, v each (B, heads, N, head_dim)
  std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> split_heads(const torch::Tensor& x);
  torch::Tensor merge_heads(const torch::Tensor& per_head);

  int64_t num_heads_;
  double scale_;
};
TORCH_MODULE(Attention);

}  // namespace dino
