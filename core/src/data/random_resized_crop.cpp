#include "dino/data/random_resized_crop.h"

#include <cmath>

namespace dino {

cv::Rect sample_resized_crop(int width, int height, Range scale, std::mt19937_64& rng, Range ratio) {
  const double area = static_cast<double>(width) * height;
  std::uniform_real_distribution<double> scale_dist(scale.first, scale.second);
  std::uniform_real_distribution<double> log_ratio_dist(std::log(ratio.first), std::log(ratio.second));
  for (int attempt = 0; attempt < 10; ++attempt) {
    const double target_area = area * scale_dist(rng);
    const double aspect = std::exp(log_ratio_dist(rng));
    // std::nearbyint rounds half to even, as Python's round() does.
    const int w = static_cast<int>(std::nearbyint(std::sqrt(target_area * aspect)));
    const int h = static_cast<int>(std::nearbyint(std::sqrt(target_area / aspect)));
    if (w > 0 && w <= width && h > 0 && h <= height) {
      const int top = std::uniform_int_distribution<int>(0, height - h)(rng);
      const int left = std::uniform_int_distribution<int>(0, width - w)(rng);
      return {left, top, w, h};
    }
  }
  const double in_ratio = static_cast<double>(width) / height;
  int w = width, h = height;
  if (in_ratio < ratio.first) {
    h = static_cast<int>(std::nearbyint(w / ratio.first));
  } else if (in_ratio > ratio.second) {
    w = static_cast<int>(std::nearbyint(h * ratio.second));
  }
  return {(width - w) / 2, (height - h) / 2, w, h};
}

}  // namespace dino
