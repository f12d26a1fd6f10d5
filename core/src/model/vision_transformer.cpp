#include "dino/model/vision_transformer.h"

#include "dino/model/trunc_normal.h"

#include <stdexcept>

namespace dino {

namespace F = torch::nn::functional;
using torch::indexing::Slice;

VisionTransformerImpl::VisionTransformerImpl(const VitConfig& config) : config_(config) {
  if (auto why = config.validate(); !why.empty()) throw std::invalid_argument("VisionTransformer: " + why);
  const auto dim = config.embed_dim;
  patch_embed = register_module("patch_embed", PatchEmbed(config.in_chans, dim, config.patch_size));
  cls_token = register_parameter("cls_token", torch::zeros({1, 1, dim}));
  pos_embed = register_parameter("pos_embed", torch::zeros({1, config.num_patches() + 1, dim}));
  blocks = register_module("blocks", torch::nn::ModuleList());
  for (int64_t i = 0; i < config.depth; ++i) {
    // reference.md §2.2: rates linspace(0, drop_path_rate, depth); block 0 never drops.
    const double rate = config.depth > 1 ? config.drop_path_rate * static_cast<double>(i) / (config.depth - 1) : 0.0;
    blocks->push_back(TransformerBlock(dim, config.num_heads, config.mlp_hidden_dim(), config.qkv_bias, rate,
                                       config.layer_norm_eps));
  }
  norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(config.layer_norm_eps)));
  initialise_weights();
}

void VisionTransformerImpl::initialise_weights() {
  torch::NoGradGuard no_grad;
  trunc_normal_(pos_embed, 0.0, 0.02);
  trunc_normal_(cls_token, 0.0, 0.02);
  // reference.md §2.3: every Linear gets trunc_normal(0.02) and a zero bias; LayerNorms start at (1, 0),
  // LibTorch's default; the patch-embedding convolution keeps PyTorch's default init.
  for (auto& module : modules(/*include_self=*/false)) {
    if (auto* linear = module->as<torch::nn::Linear>()) {
      trunc_normal_(linear->weight, 0.0, 0.02);
      if (linear->bias.defined()) linear->bias.zero_();
    }
  }
}

TransformerBlock VisionTransformerImpl::block(size_t index) const {
  return TransformerBlock(blocks->ptr<TransformerBlockImpl>(index));
}

torch::Tensor VisionTransformerImpl::interpolate_pos_encoding(int64_t num_patch_tokens, int64_t height, int64_t width) {
  const int64_t stored = pos_embed.size(1) - 1;
  if (num_patch_tokens == stored && height == width) return pos_embed;
  const int64_t dim = pos_embed.size(2);
  const auto side = static_cast<int64_t>(std::llround(std::sqrt(static_cast<double>(stored))));
  // +0.1 keeps floor(side * scale) from landing one short through rounding (reference issue #8).
  // The scale factor, not the size, drives the sampling grid: passing a size would shift it.
  const double rows = static_cast<double>(height / config_.patch_size) + 0.1;
  const double cols = static_cast<double>(width / config_.patch_size) + 0.1;
  const double root = std::sqrt(static_cast<double>(stored));
  auto grid = pos_embed.index({Slice(), Slice(1)}).reshape({1, side, side, dim}).permute({0, 3, 1, 2});
  grid = F::interpolate(grid, F::InterpolateFuncOptions()
                                  .scale_factor(std::vector<double>{rows / root, cols / root})
                                  .mode(torch::kBicubic)
                                  .align_corners(false)
                                  .recompute_scale_factor(false));
  if (grid.size(2) != static_cast<int64_t>(rows) || grid.size(3) != static_cast<int64_t>(cols))
    throw std::logic_error("interpolate_pos_encoding: unexpected grid size");
  grid = grid.permute({0, 2, 3, 1}).reshape({1, -1, dim});
  return torch::cat({pos_embed.index({Slice(), Slice(0, 1)}), grid}, 1);
}

torch::Tensor VisionTransformerImpl::prepare_tokens(const torch::Tensor& images) {
  TORCH_CHECK(images.dim() == 4 && images.size(1) == config_.in_chans, "VisionTransformer expects (B, ",
              config_.in_chans, ", H, W) images, got ", images.sizes());
  TORCH_CHECK(images.size(2) >= config_.patch_size && images.size(3) >= config_.patch_size, "image ",
              images.size(2), "x", images.size(3), " is smaller than one ", config_.patch_size, "-pixel patch");
  const auto batch = images.size(0);
  auto tokens = patch_embed->forward(images);
  tokens = torch::cat({cls_token.expand({batch, -1, -1}), tokens}, 1);
  return tokens + interpolate_pos_encoding(tokens.size(1) - 1, images.size(2), images.size(3));
}

torch::Tensor VisionTransformerImpl::forward(const torch::Tensor& images) {
  auto x = prepare_tokens(images);
  for (size_t i = 0; i < blocks->size(); ++i) x = block(i)->forward(x);
  return norm->forward(x).index({Slice(), 0});
}

torch::Tensor VisionTransformerImpl::get_selfattention(const torch::Tensor& images, int64_t layer) {
  const auto depth = static_cast<int64_t>(blocks->size());
  const int64_t index = layer < 0 ? depth + layer : layer;
  TORCH_CHECK(index >= 0 && index < depth, "layer ", layer, " is outside the model's ", depth, " blocks");
  auto x = prepare_tokens(images);
  for (int64_t i = 0; i < index; ++i) x = block(static_cast<size_t>(i))->forward(x);
  return block(static_cast<size_t>(index))->attention_map(x);
}

std::vector<torch::Tensor> VisionTransformerImpl::get_all_selfattentions(const torch::Tensor& images) {
  std::vector<torch::Tensor> maps;
  auto x = prepare_tokens(images);
  for (size_t i = 0; i < blocks->size(); ++i) {
    maps.push_back(block(i)->attention_map(x));
    x = block(i)->forward(x);
  }
  return maps;
}

std::vector<torch::Tensor> VisionTransformerImpl::get_intermediate_layers(const torch::Tensor& images, int64_t n) {
  const auto depth = static_cast<int64_t>(blocks->size());
  TORCH_CHECK(n >= 1 && n <= depth, "n_last_blocks must lie in [1, ", depth, "], got ", n);
  std::vector<torch::Tensor> outputs;
  auto x = prepare_tokens(images);
  for (int64_t i = 0; i < depth; ++i) {
    x = block(static_cast<size_t>(i))->forward(x);
    if (depth - i <= n) outputs.push_back(norm->forward(x));
  }
  return outputs;
}

}  // namespace dino
