#include "dino/eval/linear_probe_checkpoint.h"

#include "dino/eval/linear_probe.h"

#include <torch/torch.h>

namespace dino {

using io::PyValue;

namespace {

PyValue string_key(const char* key) { return PyValue::string(key); }

}  // namespace

PyValue linear_probe_checkpoint(torch::nn::Linear& classifier, torch::optim::SGD& optimizer, double base_lr,
                                int64_t epochs, int64_t epochs_done, double best_acc, const LinearProbeLayout& layout) {
  auto state_dict = PyValue::dict(/*ordered=*/true);
  state_dict.as_dict().set(string_key("module.linear.weight"), PyValue::tensor(classifier->weight.detach().clone()));
  state_dict.as_dict().set(string_key("module.linear.bias"), PyValue::tensor(classifier->bias.detach().clone()));

  // torch.optim.SGD.state_dict(): per-parameter momentum buffers keyed 0, 1; one parameter group.
  auto state = PyValue::dict();
  const std::vector<torch::Tensor> params{classifier->weight, classifier->bias};
  for (size_t i = 0; i < params.size(); ++i) {
    const auto it = optimizer.state().find(params[i].unsafeGetTensorImpl());
    if (it == optimizer.state().end()) continue;
    const auto& sgd = static_cast<const torch::optim::SGDParamState&>(*it->second);
    auto entry = PyValue::dict();
    entry.as_dict().set(string_key("momentum_buffer"), PyValue::tensor(sgd.momentum_buffer().clone()));
    state.as_dict().set(PyValue::integer(static_cast<int64_t>(i)), entry);
  }
  const auto& options = static_cast<const torch::optim::SGDOptions&>(optimizer.param_groups()[0].options());
  auto group = PyValue::dict();
  // After scheduler.step(), as the reference saves it: the lr of the next epoch.
  group.as_dict().set(string_key("lr"), PyValue::floating(linear_probe_lr(base_lr, epochs_done, epochs)));
  group.as_dict().set(string_key("momentum"), PyValue::floating(options.momentum()));
  group.as_dict().set(string_key("dampening"), PyValue::floating(0.0));
  group.as_dict().set(string_key("weight_decay"), PyValue::floating(0.0));
  group.as_dict().set(string_key("nesterov"), PyValue::boolean(false));
  group.as_dict().set(string_key("maximize"), PyValue::boolean(false));
  group.as_dict().set(string_key("foreach"), PyValue());
  group.as_dict().set(string_key("differentiable"), PyValue::boolean(false));
  group.as_dict().set(string_key("fused"), PyValue());
  group.as_dict().set(string_key("initial_lr"), PyValue::floating(base_lr));
  group.as_dict().set(string_key("params"), PyValue::list({PyValue::integer(0), PyValue::integer(1)}));
  auto optimizer_state = PyValue::dict();
  optimizer_state.as_dict().set(string_key("state"), state);
  optimizer_state.as_dict().set(string_key("param_groups"), PyValue::list({group}));

  // CosineAnnealingLR.state_dict() after `epochs_done` steps.
  auto scheduler = PyValue::dict();
  scheduler.as_dict().set(string_key("T_max"), PyValue::integer(epochs));
  scheduler.as_dict().set(string_key("eta_min"), PyValue::integer(0));
  scheduler.as_dict().set(string_key("base_lrs"), PyValue::list({PyValue::floating(base_lr)}));
  scheduler.as_dict().set(string_key("last_epoch"), PyValue::integer(epochs_done));
  scheduler.as_dict().set(string_key("_step_count"), PyValue::integer(epochs_done + 1));
  scheduler.as_dict().set(string_key("_get_lr_called_within_step"), PyValue::boolean(false));
  scheduler.as_dict().set(string_key("_last_lr"),
                          PyValue::list({PyValue::floating(linear_probe_lr(base_lr, epochs_done, epochs))}));

  auto value = PyValue::dict();
  value.as_dict().set(string_key("epoch"), PyValue::integer(epochs_done));
  value.as_dict().set(string_key("state_dict"), state_dict);
  value.as_dict().set(string_key("optimizer"), optimizer_state);
  value.as_dict().set(string_key("scheduler"), scheduler);
  value.as_dict().set(string_key("best_acc"), PyValue::floating(best_acc));
  // Ours: the feature layout, which the weights' shape alone cannot tell (restart_from_checkpoint
  // ignores keys it was not asked for).
  auto probe = PyValue::dict();
  probe.as_dict().set(string_key("n_last_blocks"), PyValue::integer(layout.n_last_blocks));
  probe.as_dict().set(string_key("avgpool_patchtokens"), PyValue::boolean(layout.avgpool_patchtokens));
  value.as_dict().set(string_key("dino_studio_probe"), probe);
  return value;
}

const PyValue& require_entry(const PyValue& dict, const char* key, const std::filesystem::path& file) {
  const PyValue* value = dict.is_dict() ? dict.as_dict().find(key) : nullptr;
  if (!value) throw std::runtime_error(file.string() + ": no '" + key + "' entry, as checkpoint.pth.tar has");
  return *value;
}

void load_linear_classifier(torch::nn::Linear& classifier, const PyValue& checkpoint,
                            const std::filesystem::path& file) {
  const PyValue& state = require_entry(checkpoint, "state_dict", file);
  for (const char* name : {"weight", "bias"}) {
    const PyValue* value = state.as_dict().find(std::string("module.linear.") + name);
    if (!value) value = state.as_dict().find(std::string("linear.") + name);
    if (!value || !value->is_tensor())
      throw std::runtime_error(file.string() + ": state_dict has no module.linear." + name);
    torch::Tensor& target = std::string(name) == "weight" ? classifier->weight : classifier->bias;
    if (value->as_tensor().sizes() != target.sizes())
      throw std::runtime_error(file.string() + ": module.linear." + name + " is " +
                               c10::str(value->as_tensor().sizes()) + ", the probe needs " + c10::str(target.sizes()) +
                               " (check --n_last_blocks, --avgpool_patchtokens and --num_labels)");
    torch::NoGradGuard no_grad;
    target.copy_(value->as_tensor().to(target.dtype()));
  }
}

void restore_linear_momentum(torch::optim::SGD& optimizer, torch::nn::Linear& classifier, const PyValue& checkpoint,
                             const std::filesystem::path& file) {
  const PyValue& state = require_entry(require_entry(checkpoint, "optimizer", file), "state", file);
  const std::vector<torch::Tensor> params{classifier->weight, classifier->bias};
  for (size_t i = 0; i < params.size(); ++i) {
    const PyValue* entry = state.as_dict().find(std::to_string(i));
    for (const auto& [key, value] : state.as_dict().items)
      if (key.is_int() && key.as_int() == static_cast<int64_t>(i)) entry = &value;
    if (!entry || !entry->is_dict()) continue;
    const PyValue* buffer = entry->as_dict().find("momentum_buffer");
    if (!buffer || !buffer->is_tensor()) continue;
    auto param_state = std::make_unique<torch::optim::SGDParamState>();
    param_state->momentum_buffer(buffer->as_tensor().clone());
    optimizer.state()[params[i].unsafeGetTensorImpl()] = std::move(param_state);
  }
}

}  // namespace dino
