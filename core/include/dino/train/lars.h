// LARS, the layer-wise adaptive optimizer main_dino.py offers as --optimizer lars (reference.md §3.5, taken
// by the reference from Barlow Twins). LibTorch has none, so it lives here, once.
#pragma once

#include <torch/optim/optimizer.h>
#include <torch/serialize/archive.h>

namespace dino {

struct LarsOptions : public torch::optim::OptimizerCloneableOptions<LarsOptions> {
  explicit LarsOptions(double lr = 0.0) : lr_(lr) {}
  TORCH_ARG(double, lr);
  TORCH_ARG(double, weight_decay) = 0.0;
  TORCH_ARG(double, momentum) = 0.9;
  TORCH_ARG(double, eta) = 0.001;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
};

struct LarsParamState : public torch::optim::OptimizerCloneableParamState<LarsParamState> {
  TORCH_ARG(torch::Tensor, mu);  // the momentum buffer, named as the reference's state dict does
};

class Lars : public torch::optim::Optimizer {
 public:
  Lars(std::vector<torch::optim::OptimizerParamGroup> groups, LarsOptions defaults);
  // For every parameter with a gradient g: unless p is 1-D, g += wd * p and g *= eta * |p| / |g|
  // (1 when either norm is 0); then mu = momentum * mu + g and p -= lr * mu.
  torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace dino
