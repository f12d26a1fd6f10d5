#include "dino/train/grad_scaler.h"

#include <ATen/ops/_amp_foreach_non_finite_check_and_unscale.h>
#include <ATen/ops/_amp_update_scale.h>
#include <torch/torch.h>

namespace dino {

GradScaler::GradScaler(GradScalerOptions options) : options_(options) {
  scale_ = torch::full({1}, options.init_scale, torch::kFloat);
  growth_tracker_ = torch::zeros({1}, torch::kInt);
  found_inf_ = torch::zeros({1}, torch::kFloat);
}

torch::Tensor GradScaler::scale(const torch::Tensor& loss) {
  if (scale_.device() != loss.device()) {
    scale_ = scale_.to(loss.device());
    growth_tracker_ = growth_tracker_.to(loss.device());
    found_inf_ = found_inf_.to(loss.device());
  }
  return loss * scale_.to(loss.scalar_type());
}

void GradScaler::unscale(torch::optim::Optimizer& optimizer) {
  if (unscaled_) return;
  found_inf_.zero_();
  auto inv_scale = scale_.to(torch::kDouble).reciprocal().to(torch::kFloat);
  std::vector<torch::Tensor> grads;
  for (auto& group : optimizer.param_groups())
    for (auto& p : group.params())
      if (p.grad().defined()) grads.push_back(p.mutable_grad());
  if (!grads.empty()) at::_amp_foreach_non_finite_check_and_unscale_(grads, found_inf_, inv_scale);
  unscaled_ = true;
}

bool GradScaler::step(torch::optim::Optimizer& optimizer) {
  unscale(optimizer);
  const bool finite = found_inf_.item<float>() == 0.0f;
  if (finite) optimizer.step();
  return finite;
}

void GradScaler::update() {
  at::_amp_update_scale_(scale_, growth_tracker_, found_inf_, options_.growth_factor, options_.backoff_factor,
                         options_.growth_interval);
  unscaled_ = false;
}

double GradScaler::current_scale() const { return scale_.item<double>(); }

int64_t GradScaler::growth_tracker() const { return growth_tracker_.item<int64_t>(); }

io::PyValue GradScaler::state_dict() const {
  auto d = io::PyValue::dict();
  d.as_dict().set(io::PyValue::string("scale"), io::PyValue::floating(current_scale()));
  d.as_dict().set(io::PyValue::string("growth_factor"), io::PyValue::floating(options_.growth_factor));
  d.as_dict().set(io::PyValue::string("backoff_factor"), io::PyValue::floating(options_.backoff_factor));
  d.as_dict().set(io::PyValue::string("growth_interval"), io::PyValue::integer(options_.growth_interval));
  d.as_dict().set(io::PyValue::string("_growth_tracker"), io::PyValue::integer(growth_tracker()));
  return d;
}

void GradScaler::load_state_dict(const io::PyValue& state) {
  const io::PyDict& d = state.as_dict();
  if (const auto* v = d.find("scale")) scale_.fill_(v->as_double());
  if (const auto* v = d.find("growth_factor")) options_.growth_factor = v->as_double();
  if (const auto* v = d.find("backoff_factor")) options_.backoff_factor = v->as_double();
  if (const auto* v = d.find("growth_interval")) options_.growth_interval = v->as_int();
  if (const auto* v = d.find("_growth_tracker")) growth_tracker_.fill_(v->as_int());
}

}  // namespace dino
