// Reading image files for the model: OpenCV decoding, turned into 8-bit RGB.
#pragma once

#include <ATen/core/Tensor.h>
#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <stdexcept>

namespace dino {

class ImageReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Decodes `file` with its EXIF orientation applied into 8-bit RGB (grayscale replicated, alpha
// dropped, 16-bit scaled down). Throws ImageReadError naming the file when it cannot be decoded.
cv::Mat read_rgb_image(const std::filesystem::path& file);

// ImageNet mean and std (reference.md §1.3), applied after scaling 8-bit values to [0, 1].
inline constexpr float kImageNetMean[3] = {0.485f, 0.456f, 0.406f};
inline constexpr float kImageNetStd[3] = {0.229f, 0.224f, 0.225f};

// (1, 3, H, W) float tensor: ToTensor then Normalize, from an 8-bit RGB image.
at::Tensor rgb_to_normalized_tensor(const cv::Mat& rgb);

}  // namespace dino
