#include "dino/model/trunc_normal.h"

#include <torch/torch.h>

namespace dino {

void trunc_normal_(at::Tensor& tensor, double mean, double std, double a, double b) {
  torch::NoGradGuard no_grad;
  const auto normal_cdf = [](double x) { return (1.0 + std::erf(x / std::sqrt(2.0))) / 2.0; };
  const double low = normal_cdf((a - mean) / std);
  const double high = normal_cdf((b - mean) / std);
  tensor.uniform_(2.0 * low - 1.0, 2.0 * high - 1.0);
  tensor.erfinv_();
  tensor.mul_(std * std::sqrt(2.0));
  tensor.add_(mean);
  tensor.clamp_(a, b);
}

}  // namespace dino
