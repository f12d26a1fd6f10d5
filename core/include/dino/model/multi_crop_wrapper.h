// Backbone + head over a list of crops (reference.md §3.1): consecutive crops of one width run through
// the backbone as one batch, and the head runs once on all features.
#pragma once

#include "dino/model/dino_head.h"
#include "dino/model/vision_transformer.h"

namespace dino {

class MultiCropWrapperImpl : public torch::nn::Module {
 public:
  MultiCropWrapperImpl(VisionTransformer backbone, DinoHead head);

  // crops: crop-major list, each (B, 3, H, W); returns (sum of batches, out_dim) in the same order.
  torch::Tensor forward(const std::vector<torch::Tensor>& crops);
  // The backbone features (sum of batches, D) without the head.
  torch::Tensor backbone_features(const std::vector<torch::Tensor>& crops);

  VisionTransformer backbone{nullptr};
  DinoHead head{nullptr};
};
TORCH_MODULE(MultiCropWrapper);

}  // namespace dino
