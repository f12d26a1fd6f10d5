#include "dino/train/lars.h"

#include "loss_closure.h"

#include <torch/torch.h>

namespace dino {

Lars::Lars(std::vector<torch::optim::OptimizerParamGroup> groups, LarsOptions defaults)
    : torch::optim::Optimizer(std::vector<torch::optim::OptimizerParamGroup>{}, std::make_unique<LarsOptions>(defaults)) {
  // LibTorch 2.13's add_param_group merges a group's options with the defaults only for the
  // optimizers it knows and, for any other, replaces them with the defaults: restore each group's.
  for (const auto& group : groups) {
    add_param_group(group);
    if (group.has_options())
      param_groups_.back().set_options(static_cast<const torch::optim::OptimizerOptions&>(group.options()).clone());
  }
}

torch::Tensor Lars::step(LossClosure closure) {
  torch::NoGradGuard no_grad;
  const torch::Tensor loss = detail::evaluate_loss_closure(closure);
  for (auto& group : param_groups()) {
    const auto& options = static_cast<const LarsOptions&>(group.options());
    for (auto& p : group.params()) {
      if (!p.grad().defined()) continue;
      auto update = p.grad();
      if (p.dim() != 1) {
        update = update.add(p, options.weight_decay());
        // The trust ratio stays on the device: torch.where, as the reference computes it.
        auto param_norm = p.norm();
        auto update_norm = update.norm();
        auto one = torch::ones_like(param_norm);
        auto q = torch::where(param_norm > 0.0,
                              torch::where(update_norm > 0.0, options.eta() * param_norm / update_norm, one), one);
        update = update.mul(q);
      }
      auto& slot = state()[p.unsafeGetTensorImpl()];
      if (!slot) {
        auto fresh = std::make_unique<LarsParamState>();
        fresh->mu(torch::zeros_like(p));
        slot = std::move(fresh);
      }
      auto& mu = static_cast<LarsParamState&>(*slot).mu();
      mu.mul_(options.momentum()).add_(update);
      p.add_(mu, -options.lr());
    }
  }
  return loss;
}

}  // namespace dino
