// The evaluation scripts' image transform (reference.md §5.1): torchvision's Resize(size) on the shorter
// side with Pillow resampling, then CenterCrop(crop). Used by k-NN feature extraction and embedding.
#pragma once

#include "dino/data/pil_resample.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace dino {

// Resize(int): the shorter side becomes `size`, the longer int(size * long / short).
cv::Mat resize_shorter_side(const cv::Mat& image, int size, PilFilter filter);

// CenterCrop(size): the top-left corner at round((h - size) / 2), round((w - size) / 2) with
// Python's round-half-to-even; an image smaller than the crop is padded with black first, as
// torchvision does.
cv::Mat center_crop(const cv::Mat& image, int size);

// torchvision's Resize as the visualisation and embedding scripts call it: one value sets the
// shorter side, two set (H, W), none keeps the image.
cv::Mat resize_like_torchvision(const cv::Mat& image, const std::vector<int>& size, PilFilter filter);

// visualize_attention.py's crop from the top-left to a multiple of the patch size (reference.md §4.1 step
// 3). Throws std::invalid_argument when the image is smaller than one patch.
cv::Mat crop_to_patch_multiple(const cv::Mat& image, int patch_size);

struct EvalTransform {
  int resize = 0;  // shorter side; 0 keeps the size
  int crop = 0;    // centre crop; 0 keeps the whole image
  PilFilter filter = PilFilter::Bicubic;  // eval_knn.py: interpolation=3
  cv::Mat operator()(const cv::Mat& image) const;
};

}  // namespace dino
