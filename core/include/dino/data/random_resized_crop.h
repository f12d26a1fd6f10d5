// torchvision's RandomResizedCrop box sampling (0.8, reference.md §1.3).
#pragma once

#include <opencv2/core/types.hpp>

#include <random>
#include <utility>

namespace dino {

using Range = std::pair<double, double>;

// Up to ten tries of area = W*H*U(scale) and ratio = exp(U(log 3/4, log 4/3)), with
// w = round(sqrt(area * ratio)), h = round(sqrt(area / ratio)) (Python's round: half to even),
// accepted when 0 < w <= W and 0 < h <= H, at a uniform offset; otherwise the centre crop with its
// ratio clamped to the range.
cv::Rect sample_resized_crop(int width, int height, Range scale, std::mt19937_64& rng,
                             Range ratio = {3.0 / 4.0, 4.0 / 3.0});

}  // namespace dino
