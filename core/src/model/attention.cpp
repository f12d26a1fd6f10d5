#include "dino/model/attention.h"

#include "dino/model/matmul.h"

#include <ATen/ops/scaled_dot_product_attention.h>

namespace dino {

AttentionImpl::AttentionImpl(int64_t dim, int64_t num_heads, bool qkv_bias)
    : num_heads_(num_heads), scale_(std::pow(static_cast<double>(dim / num_heads), -0.5)) {
  qkv = register_module("qkv", torch::nn::Linear(torch::nn::LinearOptions(dim, 3 * dim).bias(qkv_bias)));
  proj = register_module("proj", torch::nn::Linear(dim, dim));
}

std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> AttentionImpl::split_heads(const torch::Tensor& x) {
  const auto batch = x.size(0);
  const auto tokens = x.size(1);
  const auto dim = x.size(2);
  auto packed = dino::linear(x, qkv->weight, qkv->bias)
                    .reshape({batch, tokens, 3, num_heads_, dim / num_heads_})
                    .permute({2, 0, 3, 1, 4});
  return {packed[0], packed[1], packed[2]};
}

torch::Tensor AttentionImpl::merge_heads(const torch::Tensor& per_head) {
  const auto batch = per_head.size(0);
  const auto tokens = per_head.size(2);
  return dino::linear(per_head.transpose(1, 2).reshape({batch, tokens, -1}), proj->weight, proj->bias);
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x) {
  auto [q, k, v] = split_heads(x);
  // SDPA's default scale is head_dim^-0.5, the reference's scale.
  return merge_heads(at::scaled_dot_product_attention(q, k, v));
}

std::pair<torch::Tensor, torch::Tensor> AttentionImpl::forward_with_attention(const torch::Tensor& x) {
  auto [q, k, v] = split_heads(x);
  auto attention = (q.matmul(k.transpose(-2, -1)) * scale_).softmax(-1);
  return {merge_heads(attention.matmul(v)), attention};
}

std::pair<torch::Tensor, torch::Tensor> AttentionImpl::queries_and_keys(const torch::Tensor& x) {
  auto [q, k, v] = split_heads(x);
  return {q, k};
}

}  // namespace dino
