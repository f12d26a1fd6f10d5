#include "dino/train/optimizer_state.h"

#include "dino/train/lars.h"

#include <torch/torch.h>

namespace dino {

using io::PyValue;

io::PyValue optimizer_state_to_py(torch::optim::Optimizer& optimizer, const std::string& kind) {
  auto result = PyValue::dict();
  auto state = PyValue::dict();
  auto groups = PyValue::list();
  int64_t index = 0;
  for (auto& group : optimizer.param_groups()) {
    auto entry = PyValue::dict();
    auto& e = entry.as_dict();
    std::vector<PyValue> params;
    for (auto& p : group.params()) {
      auto found = optimizer.state().find(p.unsafeGetTensorImpl());
      if (found != optimizer.state().end()) {
        auto per_param = PyValue::dict();
        auto& d = per_param.as_dict();
        if (kind == "adamw") {
          auto& s = static_cast<torch::optim::AdamWParamState&>(*found->second);
          d.set(PyValue::string("step"), PyValue::tensor(torch::tensor(static_cast<float>(s.step()))));
          d.set(PyValue::string("exp_avg"), PyValue::tensor(s.exp_avg()));
          d.set(PyValue::string("exp_avg_sq"), PyValue::tensor(s.exp_avg_sq()));
        } else if (kind == "lars") {
          auto& s = static_cast<LarsParamState&>(*found->second);
          d.set(PyValue::string("mu"), PyValue::tensor(s.mu()));
        } else {
          auto& s = static_cast<torch::optim::SGDParamState&>(*found->second);
          d.set(PyValue::string("momentum_buffer"), PyValue::tensor(s.momentum_buffer()));
        }
        state.as_dict().set(PyValue::integer(index), per_param);
      }
      params.push_back(PyValue::integer(index++));
    }
    if (kind == "adamw") {
      const auto& o = static_cast<const torch::optim::AdamWOptions&>(group.options());
      e.set(PyValue::string("lr"), PyValue::floating(o.lr()));
      e.set(PyValue::string("betas"), PyValue::tuple({PyValue::floating(std::get<0>(o.betas())), PyValue::floating(std::get<1>(o.betas()))}));
      e.set(PyValue::string("eps"), PyValue::floating(o.eps()));
      e.set(PyValue::string("weight_decay"), PyValue::floating(o.weight_decay()));
      e.set(PyValue::string("amsgrad"), PyValue::boolean(o.amsgrad()));
    } else if (kind == "lars") {
      const auto& o = static_cast<const LarsOptions&>(group.options());
      e.set(PyValue::string("lr"), PyValue::floating(o.lr()));
      e.set(PyValue::string("weight_decay"), PyValue::floating(o.weight_decay()));
      e.set(PyValue::string("momentum"), PyValue::floating(o.momentum()));
      e.set(PyValue::string("eta"), PyValue::floating(o.eta()));
      e.set(PyValue::string("weight_decay_filter"), PyValue());
      e.set(PyValue::string("lars_adaptation_filter"), PyValue());
    } else {
      const auto& o = static_cast<const torch::optim::SGDOptions&>(group.options());
      e.set(PyValue::string("lr"), PyValue::floating(o.lr()));
      e.set(PyValue::string("momentum"), PyValue::floating(o.momentum()));
      e.set(PyValue::string("dampening"), PyValue::floating(o.dampening()));
      e.set(PyValue::string("weight_decay"), PyValue::floating(o.weight_decay()));
      e.set(PyValue::string("nesterov"), PyValue::boolean(o.nesterov()));
    }
    if (kind != "lars") {  // torch.optim's own flags; the reference's LARS has none
      e.set(PyValue::string("maximize"), PyValue::boolean(false));
      e.set(PyValue::string("foreach"), PyValue());
      e.set(PyValue::string("differentiable"), PyValue::boolean(false));
    }
    e.set(PyValue::string("params"), PyValue::list(std::move(params)));
    groups.mutable_items().push_back(entry);
  }
  result.as_dict().set(PyValue::string("state"), state);
  result.as_dict().set(PyValue::string("param_groups"), groups);
  return result;
}

void restore_optimizer_state(torch::optim::Optimizer& optimizer, const std::string& kind, const io::PyValue& saved) {
  const io::PyDict* top = saved.attributes();
  const io::PyValue* state = top ? top->find("state") : nullptr;
  if (!state || !state->is_dict()) throw std::runtime_error("the optimizer state has no 'state' dict");
  std::vector<torch::Tensor> parameters;
  for (auto& group : optimizer.param_groups())
    for (auto& p : group.params()) parameters.push_back(p);
  auto tensor_of = [](const io::PyDict& d, const char* key, const torch::Tensor& like, int64_t index) {
    const io::PyValue* v = d.find(key);
    if (!v || !v->is_tensor()) throw std::runtime_error("optimizer state " + std::to_string(index) + " lacks '" + key + "'");
    if (v->as_tensor().sizes() != like.sizes())
      throw std::runtime_error("optimizer state " + std::to_string(index) + " does not fit its parameter's shape");
    return v->as_tensor().to(like.device(), like.scalar_type()).clone();
  };
  for (const auto& [key, value] : state->as_dict().items) {
    const int64_t index = key.as_int();
    if (index < 0 || index >= static_cast<int64_t>(parameters.size()))
      throw std::runtime_error("optimizer state for parameter " + std::to_string(index) + " of " +
                               std::to_string(parameters.size()));
    const auto& p = parameters[static_cast<size_t>(index)];
    const io::PyDict& d = value.as_dict();
    if (kind == "adamw") {
      auto restored = std::make_unique<torch::optim::AdamWParamState>();
      const io::PyValue* step = d.find("step");
      if (!step) throw std::runtime_error("optimizer state " + std::to_string(index) + " lacks 'step'");
      restored->step(step->is_tensor() ? static_cast<int64_t>(step->as_tensor().item<double>()) : step->as_int());
      restored->exp_avg(tensor_of(d, "exp_avg", p, index));
      restored->exp_avg_sq(tensor_of(d, "exp_avg_sq", p, index));
      optimizer.state()[p.unsafeGetTensorImpl()] = std::move(restored);
    } else if (kind == "lars") {
      auto restored = std::make_unique<LarsParamState>();
      restored->mu(tensor_of(d, "mu", p, index));
      optimizer.state()[p.unsafeGetTensorImpl()] = std::move(restored);
    } else {
      auto restored = std::make_unique<torch::optim::SGDParamState>();
      restored->momentum_buffer(tensor_of(d, "momentum_buffer", p, index));
      optimizer.state()[p.unsafeGetTensorImpl()] = std::move(restored);
    }
  }
}

}  // namespace dino
