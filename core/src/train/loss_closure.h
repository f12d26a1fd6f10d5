// What every optimizer's step() does first: evaluate the loss closure, if any, with autograd on
// (step itself runs under NoGradGuard), as torch::optim's own optimizers do.
#pragma once

#include <torch/optim/optimizer.h>

namespace dino::detail {

inline torch::Tensor evaluate_loss_closure(const torch::optim::Optimizer::LossClosure& closure) {
  if (!closure) return {};
  at::AutoGradMode enable_grad(true);
  return closure();
}

}  // namespace dino::detail
