#include "dino/model/weight_norm_linear.h"

#include "dino/model/matmul.h"

#include <ATen/ops/_weight_norm.h>

namespace dino {

WeightNormLinearImpl::WeightNormLinearImpl(int64_t in_features, int64_t out_features, bool freeze_norm) {
  // nn.utils.weight_norm registers g before v; the order shows in state dicts and parameter lists.
  weight_g = register_parameter("weight_g", torch::ones({out_features, 1}), /*requires_grad=*/!freeze_norm);
  auto v = torch::empty({out_features, in_features});
  // kaiming_uniform(a = sqrt(5)) is PyTorch's default Linear init: U(+-1/sqrt(in_features)).
  torch::nn::init::kaiming_uniform_(v, std::sqrt(5.0));
  weight_v = register_parameter("weight_v", v);
}

torch::Tensor WeightNormLinearImpl::weight() const { return at::_weight_norm(weight_v, weight_g, 0); }

torch::Tensor WeightNormLinearImpl::forward(const torch::Tensor& x) {
  return dino::linear(x, weight());
}

}  // namespace dino
