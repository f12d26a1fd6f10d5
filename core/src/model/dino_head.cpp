#include "dino/model/dino_head.h"

#include "dino/model/matmul.h"
#include "dino/model/trunc_normal.h"

namespace dino {

DinoHeadImpl::DinoHeadImpl(const DinoHeadOptions& options) : options_(options) {
  const int64_t nlayers = std::max<int64_t>(options.nlayers, 1);
  if (nlayers == 1) {
    mlp_single = register_module("mlp", torch::nn::Linear(options.in_dim, options.bottleneck_dim));
  } else {
    torch::nn::Sequential layers;
    auto add_hidden = [&](int64_t in) {
      layers->push_back(torch::nn::Linear(in, options.hidden_dim));
      if (options.use_bn) layers->push_back(torch::nn::BatchNorm1d(options.hidden_dim));
      layers->push_back(torch::nn::GELU());
    };
    add_hidden(options.in_dim);
    for (int64_t i = 0; i < nlayers - 2; ++i) add_hidden(options.hidden_dim);
    layers->push_back(torch::nn::Linear(options.hidden_dim, options.bottleneck_dim));
    mlp_layers = register_module("mlp", layers);
  }
  // reference.md §2.4: trunc_normal(0.02) and zero bias for the MLP's Linears; this runs before the last
  // layer exists, so the prototypes keep the default init.
  {
    torch::NoGradGuard no_grad;
    for (auto& module : modules(/*include_self=*/false)) {
      if (auto* linear = module->as<torch::nn::Linear>()) {
        trunc_normal_(linear->weight, 0.0, 0.02);
        if (linear->bias.defined()) linear->bias.zero_();
      }
    }
  }
  last_layer =
      register_module("last_layer", WeightNormLinear(options.bottleneck_dim, options.out_dim, options.norm_last_layer));
}

torch::Tensor DinoHeadImpl::embed(const torch::Tensor& features) {
  torch::Tensor x;
  if (mlp_single) {
    x = dino::linear(features, mlp_single->weight, mlp_single->bias);
  } else {
    x = features;
    // The Sequential's own forward, with its Linears through dino::linear (model/matmul.h).
    for (auto& layer : *mlp_layers) {
      if (auto* fc = layer.ptr()->as<torch::nn::Linear>())
        x = dino::linear(x, fc->weight, fc->bias);
      else if (auto* bn = layer.ptr()->as<torch::nn::BatchNorm1d>(); bn && rank_sum_ && bn->is_training())
        x = sync_batch_norm(x, *bn, rank_sum_);
      else
        x = layer.forward(x);
    }
  }
  return torch::nn::functional::normalize(x, torch::nn::functional::NormalizeFuncOptions().p(2).dim(-1).eps(1e-12));
}

torch::Tensor DinoHeadImpl::forward(const torch::Tensor& features) { return last_layer->forward(embed(features)); }

}  // namespace dino
