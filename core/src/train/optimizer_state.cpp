#include "dino/train/optimizer_state.h"

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
    } else {
      const auto& o = static_cast<const torch::optim::SGDOptions&>(group.options());
      e.set(PyValue::string("lr"), PyValue::floating(o.lr()));
      e.set(PyValue::string("momentum"), PyValue::floating(o.momentum()));
      e.set(PyValue::string("dampening"), PyValue::floating(o.dampening()));
      e.set(PyValue::string("weight_decay"), PyValue::floating(o.weight_decay()));
      e.set(PyValue::string("nesterov"), PyValue::boolean(o.nesterov()));
    }
    e.set(PyValue::string("maximize"), PyValue::boolean(false));
    e.set(PyValue::string("foreach"), PyValue());
    e.set(PyValue::string("differentiable"), PyValue::boolean(false));
    e.set(PyValue::string("params"), PyValue::list(std::move(params)));
    groups.mutable_items().push_back(entry);
  }
  result.as_dict().set(PyValue::string("state"), state);
  result.as_dict().set(PyValue::string("param_groups"), groups);
  return result;
}

}  // namespace dino
