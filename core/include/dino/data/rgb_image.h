// An 8-bit RGB picture as plain data, for headers that must stay free of OpenCV and LibTorch (the
// desktop app's facades), and its conversion from an OpenCV image.
#pragma once

#include <vector>

namespace cv {
class Mat;
}

namespace dino {

struct RgbImage {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;  // rows of packed RGB
};

// From an 8-bit, 3-channel RGB cv::Mat (any row stride).
RgbImage to_rgb_image(const cv::Mat& rgb);
// Back to an 8-bit RGB cv::Mat (a copy).
cv::Mat to_mat(const RgbImage& image);

}  // namespace dino
