#include "dino/train/gradient_ops.h"

#include <torch/torch.h>

namespace dino {

std::vector<double> clip_gradients(torch::nn::Module& model, double clip) {
  std::vector<double> norms;
  torch::NoGradGuard no_grad;
  for (auto& p : model.parameters()) {
    if (!p.grad().defined()) continue;
    const double norm = p.grad().norm(2).item<double>();
    norms.push_back(norm);
    const double coefficient = clip / (norm + 1e-6);
    if (coefficient < 1) p.mutable_grad().mul_(coefficient);
  }
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
  const auto student_parameters = student.parameters();
  TORCH_CHECK(teacher_parameters.size() == student_parameters.size(), "teacher and student differ in parameters");
  for (size_t i = 0; i < teacher_parameters.size(); ++i)
    teacher_parameters[i].mul_(momentum).add_(student_parameters[i].detach(), 1.0 - momentum);
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
