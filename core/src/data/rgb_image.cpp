#include "dino/data/rgb_image.h"

#include <opencv2/core.hpp>

#include <cstring>

namespace dino {

RgbImage to_rgb_image(const cv::Mat& rgb) {
  CV_Assert(rgb.type() == CV_8UC3);
  RgbImage image;
  image.width = rgb.cols;
  image.height = rgb.rows;
  const size_t row = static_cast<size_t>(rgb.cols) * 3;
  image.rgb.resize(row * static_cast<size_t>(rgb.rows));
  for (int y = 0; y < rgb.rows; ++y) std::memcpy(image.rgb.data() + row * static_cast<size_t>(y), rgb.ptr(y), row);
  return image;
}

cv::Mat to_mat(const RgbImage& image) {
  return cv::Mat(image.height, image.width, CV_8UC3, const_cast<unsigned char*>(image.rgb.data())).clone();
}

}  // namespace dino
