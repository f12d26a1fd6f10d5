#include "dino/eval/copy_detection_features.h"

#include <torch/torch.h>

namespace dino {

torch::Tensor copy_detection_features(VisionTransformer& backbone, const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  const auto tokens = backbone->get_intermediate_layers(images, 1)[0];  // (B, 1 + N, D)
  const int64_t patch = backbone->config().patch_size;
  const int64_t b = images.size(0), h = images.size(-2) / patch, w = images.size(-1) / patch, d = tokens.size(-1);
  const auto cls = tokens.select(1, 0);
  // GeM with exponent 4 over the patch grid: the mean of x^4, then its fourth root.
  const auto patches = tokens.slice(1, 1).reshape({b, h * w, d}).clamp_min(1e-6);
  const auto gem = patches.pow(4).mean(1).pow(0.25);
  return torch::cat({cls, gem}, 1);
}

Whitening learn_whitening(const torch::Tensor& features) {
  Whitening w;
  const auto f = features.to(torch::kFloat);
  w.mean = f.mean(0);
  const auto covariance = torch::mm(f.t(), f) / static_cast<double>(f.size(0));
  // In double: the eigenvectors of the smallest eigenvalues are the least stable, and they are
  // the ones whitening amplifies most.
  auto [values, vectors] = torch::linalg_eigh(covariance.to(torch::kDouble));
  const double floor = values.max().item<double>() * 1e-5;
  w.raised = (values < floor).sum().item<int64_t>();
  values = values.clamp_min(floor);
  const auto order = torch::argsort(values, /*dim=*/int64_t{0}, /*descending=*/true);
  values = values.index_select(0, order);
  vectors = vectors.index_select(1, order);
  w.projection = (torch::diag(values.pow(-0.5)).mm(vectors.t())).to(torch::kFloat);
  return w;
}

torch::Tensor apply_whitening(const Whitening& whitening, const torch::Tensor& features) {
  return torch::mm(features - whitening.mean, whitening.projection.t());
}

}  // namespace dino
