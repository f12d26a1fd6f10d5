#include "dino/model/transformer_block.h"

#include "dino/model/matmul.h"

namespace dino {

torch::Tensor drop_path(const torch::Tensor& branch, double rate, bool training) {
  if (rate == 0.0 || !training) return branch;
  const double keep = 1.0 - rate;
  std::vector<int64_t> mask_shape(static_cast<size_t>(branch.dim()), 1);
  mask_shape[0] = branch.size(0);
  // floor(keep + U[0, 1)) is 1 with probability keep (reference.md §2.2).
  auto mask = (torch::rand(mask_shape, branch.options()) + keep).floor_();
  return branch.div(keep) * mask;
}

MlpImpl::MlpImpl(int64_t dim, int64_t hidden_dim) {
  fc1 = register_module("fc1", torch::nn::Linear(dim, hidden_dim));
  fc2 = register_module("fc2", torch::nn::Linear(hidden_dim, dim));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
  return dino::linear(torch::gelu(dino::linear(x, fc1->weight, fc1->bias)), fc2->weight, fc2->bias);
}

TransformerBlockImpl::TransformerBlockImpl(int64_t dim, int64_t num_heads, int64_t mlp_hidden_dim,
                                           bool qkv_bias, double drop_path_rate, double layer_norm_eps)
    : drop_path_rate_(drop_path_rate) {
  // Registration order fixes the state-dict order: norm1, attn, norm2, mlp (reference.md §8.1).
  norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(layer_norm_eps)));
  attn = register_module("attn", Attention(dim, num_heads, qkv_bias));
  norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(layer_norm_eps)));
  mlp = register_module("mlp", Mlp(dim, mlp_hidden_dim));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x) {
  // The two branches draw independent drop-path masks, as the reference's shared module does.
  auto y = x + drop_path(attn->forward(norm1->forward(x)), drop_path_rate_, is_training());
  return y + drop_path(mlp->forward(norm2->forward(y)), drop_path_rate_, is_training());
}

torch::Tensor TransformerBlockImpl::attention_map(const torch::Tensor& x) {
  return attn->forward_with_attention(norm1->forward(x)).second;
}

}  // namespace dino
