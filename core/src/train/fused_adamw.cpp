#include "dino/train/fused_adamw.h"

#include "loss_closure.h"
#include "torch_features.h"

#include <ATen/ops/_fused_adamw.h>
#include <torch/torch.h>

#include <map>

namespace dino {
namespace {

bool has_fused_kernel(const c10::Device& device) {
  return device.is_cuda() || (device.is_cpu() && DINO_TORCH_FUSED_ADAMW_CPU);
}

}  // namespace

torch::Tensor FusedAdamW::step(LossClosure closure) {
  for (const auto& group : param_groups()) {
    const auto& options = static_cast<const torch::optim::AdamWOptions&>(group.options());
    for (const auto& p : group.params())
      // One call of the kernel takes one group, so its tensors (and the step counts made below)
      // must share a device; a group spread over devices takes the unfused step.
      if (options.amsgrad() || !has_fused_kernel(p.device()) || !p.is_floating_point() ||
          p.device() != group.params().front().device() ||
          (p.grad().defined() && p.grad().scalar_type() != p.scalar_type()))
        return torch::optim::AdamW::step(std::move(closure));
  }
  torch::NoGradGuard no_grad;
  const torch::Tensor loss = detail::evaluate_loss_closure(closure);
  for (auto& group : param_groups()) {
    const auto& options = static_cast<const torch::optim::AdamWOptions&>(group.options());
    std::vector<torch::Tensor> params, grads, exp_avgs, exp_avg_sqs, steps;
    // The kernel reads each parameter's step count from a tensor on its device; parameters that
    // skipped steps (a frozen last layer) have their own count.
    std::map<int64_t, torch::Tensor> step_tensors;
    for (auto& p : group.params()) {
      if (!p.grad().defined()) continue;
      auto& slot = state()[p.unsafeGetTensorImpl()];
      if (!slot) {
        auto fresh = std::make_unique<torch::optim::AdamWParamState>();
        fresh->step(0);
        fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        slot = std::move(fresh);
      }
      auto& s = static_cast<torch::optim::AdamWParamState&>(*slot);
      s.step(s.step() + 1);
      auto& count = step_tensors[s.step()];
      if (!count.defined())
        count = torch::full({}, static_cast<double>(s.step()), torch::TensorOptions().dtype(torch::kFloat).device(p.device()));
      params.push_back(p);
      grads.push_back(p.grad());
      exp_avgs.push_back(s.exp_avg());
      exp_avg_sqs.push_back(s.exp_avg_sq());
      steps.push_back(count);
    }
    if (params.empty()) continue;
    const auto [beta1, beta2] = options.betas();
    at::_fused_adamw_(params, grads, exp_avgs, exp_avg_sqs, /*max_exp_avg_sqs=*/{}, steps, options.lr(), beta1, beta2,
                      options.weight_decay(), options.eps(), /*amsgrad=*/false, /*maximize=*/false);
  }
  return loss;
}

}  // namespace dino
