#include "dino/data/eval_transform.h"

#include <opencv2/core.hpp>

#include <cmath>
#include <stdexcept>

namespace dino {

cv::Mat resize_shorter_side(const cv::Mat& image, int size, PilFilter filter) {
  if (size <= 0) throw std::invalid_argument("resize: the size must be positive, got " + std::to_string(size));
  int width = size, height = size;
  if (image.cols <= image.rows)
    height = static_cast<int>(static_cast<int64_t>(size) * image.rows / image.cols);
  else
    width = static_cast<int>(static_cast<int64_t>(size) * image.cols / image.rows);
  if (width == image.cols && height == image.rows) return image;
  return pil_resize(image, width, height, filter);
}

cv::Mat center_crop(const cv::Mat& image, int size) {
  if (size <= 0) throw std::invalid_argument("center crop: the size must be positive, got " + std::to_string(size));
  cv::Mat source = image;
  if (image.cols < size || image.rows < size) {
    // torchvision pads (left, top, right, bottom) with (w_pad // 2, h_pad // 2, (w_pad + 1) // 2, ...).
    const int pad_w = std::max(0, size - image.cols), pad_h = std::max(0, size - image.rows);
    cv::copyMakeBorder(image, source, pad_h / 2, (pad_h + 1) / 2, pad_w / 2, (pad_w + 1) / 2, cv::BORDER_CONSTANT,
                       cv::Scalar::all(0));
  }
  const int top = static_cast<int>(std::nearbyint((source.rows - size) / 2.0));
  const int left = static_cast<int>(std::nearbyint((source.cols - size) / 2.0));
  return source(cv::Rect(left, top, size, size)).clone();
}

cv::Mat resize_like_torchvision(const cv::Mat& image, const std::vector<int>& size, PilFilter filter) {
  if (size.empty()) return image;
  if (size.size() == 1) return resize_shorter_side(image, size[0], filter);
  return pil_resize(image, size[1], size[0], filter);
}

cv::Mat crop_to_patch_multiple(const cv::Mat& image, int patch_size) {
  const int height = image.rows - image.rows % patch_size;
  const int width = image.cols - image.cols % patch_size;
  if (height == 0 || width == 0)
    throw std::invalid_argument(std::to_string(image.cols) + "x" + std::to_string(image.rows) + " is smaller than one " +
                                std::to_string(patch_size) + "-pixel patch");
  return image(cv::Rect(0, 0, width, height));
}

cv::Mat EvalTransform::operator()(const cv::Mat& image) const {
  cv::Mat out = resize > 0 ? resize_shorter_side(image, resize, filter) : image;
  return crop > 0 ? center_crop(out, crop) : out;
}

}  // namespace dino
