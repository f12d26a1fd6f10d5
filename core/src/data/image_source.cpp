#include "dino/data/image_source.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

namespace dino {

IdxImageSource::IdxImageSource(IdxImages data, int64_t limit) : data_(std::move(data)) {
  data_.images = data_.images.contiguous();
  size_ = data_.images.size(0);
  if (limit > 0) size_ = std::min(size_, limit);
  num_classes_ = size_ ? data_.labels.max().item<int64_t>() + 1 : 0;
}

cv::Mat IdxImageSource::rgb(int64_t index) const {
  TORCH_CHECK(index >= 0 && index < size_, "image index ", index, " outside [0, ", size_, ")");
  const int height = static_cast<int>(data_.images.size(1));
  const int width = static_cast<int>(data_.images.size(2));
  const auto* pixels = data_.images.data_ptr<uint8_t>() + index * height * width;
  cv::Mat gray(height, width, CV_8UC1, const_cast<uint8_t*>(pixels));
  cv::Mat rgb;
  cv::cvtColor(gray, rgb, cv::COLOR_GRAY2RGB);
  return rgb;
}

int64_t IdxImageSource::label(int64_t index) const { return data_.labels[index].item<int64_t>(); }

}  // namespace dino
