// eval_copy_detection.py's features and whitening (reference.md §5.4): the last block's normed CLS
// token beside the GeM (p = 4) pool of its patch tokens, and a PCA whitening learned on a set of
// unrelated images.
#pragma once

#include "dino/model/vision_transformer.h"

namespace dino {

// (B, 2D) for a batch of images of one size: [CLS, GeM_4(patch tokens clamped at 1e-6)] of
// norm(last block output). The backbone must be in eval mode.
torch::Tensor copy_detection_features(VisionTransformer& backbone, const torch::Tensor& images);

// utils.PCA(whit=0.5) as eval_copy_detection.py trains it: `mean` is the whitening features' mean
// (subtracted from what is whitened), the covariance is their uncentred second moment F^T F / n
// (the reference's, which does not centre it), eigenvalues below 1e-5 of the largest are raised to
// that, and `projection` is diag(1 / sqrt(eigenvalue)) V^T with the components by falling
// eigenvalue (all of them kept).
struct Whitening {
  torch::Tensor mean;        // (D)
  torch::Tensor projection;  // (D, D)
  int64_t raised = 0;        // eigenvalues raised to the floor
};

Whitening learn_whitening(const torch::Tensor& features);
torch::Tensor apply_whitening(const Whitening& whitening, const torch::Tensor& features);

}  // namespace dino
