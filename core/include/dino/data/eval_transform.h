// The evaluation scripts' image transform (spec §5.1): torchvision's Resize(size) on the shorter
// side with Pillow resampling, then CenterCrop(crop). Used by k-NN feature extraction and embedding.
#pragma once

#include "dino/data/pil_resample.h"

#include <opencv2/core/mat.hpp>

namespace dino {

// Resize(int): the shorter side becomes `size`, the longer int(size * long / short).
cv::Mat resize_shorter_side(const cv::Mat& image, int size, PilFilter filter);

// CenterCrop(size): the top-left corner at round((h - size) / 2), round((w - size) / 2) with
// Python's round-half-to-even; an image smaller than the crop is padded with black first, as
// torchvision does.
cv::Mat center_crop(const cv::Mat& image, int size);

struct EvalTransform {
  int resize = 0;  // shorter side; 0 keeps the size
  int crop = 0;    // centre crop; 0 keeps the whole image
  PilFilter filter = PilFilter::Bicubic;  // eval_knn.py: interpolation=3
  cv::Mat operator()(const cv::Mat& image) const;
};

}  // namespace dino
