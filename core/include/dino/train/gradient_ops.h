// The reference's per-step gradient and teacher operations (reference.md §3.3, §3.4, §1.8 step 8).
#pragma once

#include <torch/nn/module.h>

#include <string>
#include <vector>

namespace dino {

// utils.clip_gradients: each parameter's gradient on its own is scaled by clip / (||g|| + 1e-6)
// when that is below 1 (not clip_grad_norm_ over all parameters). Returns the norms before
// clipping, one per parameter with a gradient, left on the device (nothing waits for them).
torch::Tensor clip_gradients(torch::nn::Module& model, double clip);

// utils.cancel_gradients_last_layer: during the first `freeze_last_layer` epochs the gradients of
// every parameter whose name contains "last_layer" are reset (undefined, not zero), so the
// optimizer skips them entirely.
void cancel_last_layer_gradients(torch::nn::Module& model, int64_t epoch, int64_t freeze_last_layer);

// teacher <- m * teacher + (1 - m) * student over parameters (not buffers), paired by order.
void update_teacher(torch::nn::Module& teacher, const torch::nn::Module& student, double momentum);

// get_params_groups: names of trainable parameters to decay (group 0) and not to decay (group 1:
// names ending in ".bias" and 1-D parameters).
struct ParameterGroups {
  std::vector<std::string> regularized_names, not_regularized_names;
  std::vector<torch::Tensor> regularized, not_regularized;
};
ParameterGroups split_parameter_groups(const torch::nn::Module& model);

}  // namespace dino
