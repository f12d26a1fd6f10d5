#include "dino/train/gradient_ops.h"

#include <torch/torch.h>

namespace dino {

torch::Tensor clip_gradients(torch::nn::Module& model, double clip) {
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> grads;
  for (auto& p : model.parameters())
    if (p.grad().defined()) grads.push_back(p.mutable_grad());
  if (grads.empty()) return torch::Tensor();
  // The reference's arithmetic on the device (clip / (norm + 1e-6) is Tensor.__rtruediv__, a
  // reciprocal times clip), without reading each norm back to the host: a coefficient clamped to
  // 1 multiplies exactly where the reference skips the multiplication.
  const auto norms = torch::stack(at::_foreach_norm(grads, 2));
  const auto coefficients = norms.add(1e-6).reciprocal_().mul_(clip).clamp_max_(1.0).to(grads.front().scalar_type());
  const auto each = coefficients.unbind(0);
  for (size_t i = 0; i < grads.size(); ++i) grads[i].mul_(each[i]);
  return norms;
}

void cancel_last_layer_gradients(torch::nn::Module& model, int64_t epoch, int64_t freeze_last_layer) {
  if (epoch >= freeze_last_layer) return;
  for (auto& item : model.named_parameters())
    if (item.key().find("last_layer") != std::string::npos) item.value().mutable_grad().reset();
}

void update_teacher(torch::nn::Module& teacher, const torch::nn::Module& student, double momentum) {
  torch::NoGradGuard no_grad;
  auto teacher_parameters = teacher.parameters();
  std::vector<torch::Tensor> student_parameters;
  for (const auto& p : student.parameters()) student_parameters.push_back(p.detach());
  TORCH_CHECK(teacher_parameters.size() == student_parameters.size(), "teacher and student differ in parameters");
  // One multi-tensor kernel per operation on a GPU instead of two launches per parameter; the
  // same per-tensor operations elsewhere.
  at::_foreach_mul_(teacher_parameters, momentum);
  at::_foreach_add_(teacher_parameters, student_parameters, 1.0 - momentum);
}

ParameterGroups split_parameter_groups(const torch::nn::Module& model) {
  ParameterGroups groups;
  for (const auto& item : model.named_parameters()) {
    const auto& p = item.value();
    if (!p.requires_grad()) continue;  // e.g. last_layer.weight_g under norm_last_layer
    const std::string& name = item.key();
    const bool bias = name.size() >= 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
    if (bias || p.dim() == 1) {
      groups.not_regularized_names.push_back(name);
      groups.not_regularized.push_back(p);
    } else {
      groups.regularized_names.push_back(name);
      groups.regularized.push_back(p);
    }
  }
  return groups;
}

}  // namespace dino
