#include "dino/model/multi_crop_wrapper.h"

namespace dino {

MultiCropWrapperImpl::MultiCropWrapperImpl(VisionTransformer backbone_module, DinoHead head_module) {
  backbone = register_module("backbone", std::move(backbone_module));
  head = register_module("head", std::move(head_module));
}

torch::Tensor MultiCropWrapperImpl::backbone_features(const std::vector<torch::Tensor>& crops) {
  TORCH_CHECK(!crops.empty(), "MultiCropWrapper: no crops given");
  std::vector<torch::Tensor> features;
  size_t start = 0;
  while (start < crops.size()) {
    // The reference groups by the last dimension (width) only, via unique_consecutive.
    size_t end = start + 1;
    while (end < crops.size() && crops[end].size(-1) == crops[start].size(-1)) ++end;
    std::vector<torch::Tensor> group(crops.begin() + static_cast<std::ptrdiff_t>(start),
                                     crops.begin() + static_cast<std::ptrdiff_t>(end));
    features.push_back(backbone->forward(group.size() == 1 ? group.front() : torch::cat(group)));
    start = end;
  }
  return features.size() == 1 ? features.front() : torch::cat(features);
}

torch::Tensor MultiCropWrapperImpl::forward(const std::vector<torch::Tensor>& crops) {
  return head->forward(backbone_features(crops));
}

}  // namespace dino
