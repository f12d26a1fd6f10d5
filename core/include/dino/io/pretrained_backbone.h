// A ViT backbone built and filled from a weights file or training checkpoint, the way the
// reference's evaluation scripts do it (reference.md §3.8), with the architecture inferred from the
// tensors' shapes unless the caller names it. Shared by every command and view that loads weights.
#pragma once

#include "dino/model/vision_transformer.h"

#include <string>

namespace dino::io {

struct PretrainedBackbone {
  VisionTransformer model{nullptr};
  VitConfig config;
  std::string description;  // "<file> into vit_small/16: N tensors loaded, ..." for the log
};

// arch empty and patch_size 0 infer both; a named arch keeps the file's grid of patches. Throws
// std::invalid_argument for an unknown --arch and std::runtime_error, naming the file and the keys,
// when the weights lack tensors the model needs or do not fit it.
PretrainedBackbone load_pretrained_backbone(const std::string& path, const std::string& checkpoint_key,
                                            const std::string& arch = "", int64_t patch_size = 0);

}  // namespace dino::io
