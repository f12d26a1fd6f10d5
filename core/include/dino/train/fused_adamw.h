// AdamW stepped by ATen's fused kernel, the one torch.optim.AdamW(fused=True) runs.
#pragma once

#include <torch/optim/adamw.h>

namespace dino {

// LibTorch's AdamW runs about ten elementwise operations per parameter per step, each a pass over
// the parameter's memory (and on a GPU a kernel launch: ~1,500 per step for ViT-S/16 with its
// head). The fused kernel reads the parameter, gradient and both moments once. Options, state and
// checkpoints are torch::optim::AdamW's own (AdamWOptions, AdamWParamState), so nothing else
// changes. The kernel exists for CUDA on every supported LibTorch and for the CPU from 2.4; other
// devices, AMSGrad, and older CPU builds take torch::optim::AdamW's step.
class FusedAdamW : public torch::optim::AdamW {
 public:
  using torch::optim::AdamW::AdamW;
  torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace dino
