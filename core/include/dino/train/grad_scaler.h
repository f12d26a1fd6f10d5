// torch.cuda.amp.GradScaler for fp16 training (reference.md §1.6, §1.10): the loss is multiplied by a scale
// before backward; gradients are unscaled (and checked for inf/NaN) before clipping; a step with
// non-finite gradients is skipped and the scale backs off; after growth_interval clean steps the
// scale grows. LibTorch has no such class; this one uses the same ATen kernels as PyTorch's.
#pragma once

#include "dino/io/py_value.h"

#include <torch/optim/optimizer.h>

namespace dino {

struct GradScalerOptions {
  double init_scale = 65536.0;
  double growth_factor = 2.0;
  double backoff_factor = 0.5;
  int64_t growth_interval = 2000;
};

class GradScaler {
 public:
  explicit GradScaler(GradScalerOptions options = {});

  torch::Tensor scale(const torch::Tensor& loss);
  // Divides every gradient by the scale and records whether any is inf/NaN. Once per step.
  void unscale(torch::optim::Optimizer& optimizer);
  // optimizer.step() unless non-finite gradients were found; returns whether it stepped.
  bool step(torch::optim::Optimizer& optimizer);
  // Backs off or grows the scale for the next step.
  void update();

  double current_scale() const;
  int64_t growth_tracker() const;
  // GradScaler.state_dict(): scale, growth_factor, backoff_factor, growth_interval, _growth_tracker.
  io::PyValue state_dict() const;
  void load_state_dict(const io::PyValue& state);

 private:
  GradScalerOptions options_;
  torch::Tensor scale_;           // (1,) float32 on the gradients' device
  torch::Tensor growth_tracker_;  // (1,) int32
  torch::Tensor found_inf_;       // (1,) float32
  bool unscaled_ = false;
};

}  // namespace dino
