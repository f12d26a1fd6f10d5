#include "dino/data/image_file.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

namespace dino {

cv::Mat read_rgb_image(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) throw ImageReadError(file.string() + ": no such file");
  if (std::filesystem::file_size(file, ec) == 0) throw ImageReadError(file.string() + ": the file is empty");
  cv::Mat decoded;
  try {
    // IMREAD_ANYDEPTH keeps 16-bit samples for an explicit scale; without IMREAD_IGNORE_ORIENTATION
    // OpenCV applies the EXIF orientation.
    decoded = cv::imread(file.string(), cv::IMREAD_ANYCOLOR | cv::IMREAD_ANYDEPTH);
  } catch (const cv::Exception& e) {
    throw ImageReadError(file.string() + ": cannot decode the image (" + e.msg + ")");
  }
  if (decoded.empty()) throw ImageReadError(file.string() + ": not an image OpenCV can decode");
  if (decoded.depth() == CV_16U) {
    decoded.convertTo(decoded, CV_8U, 1.0 / 257.0);
  } else if (decoded.depth() != CV_8U) {
    cv::Mat scaled;
    cv::normalize(decoded, scaled, 0, 255, cv::NORM_MINMAX, CV_8U);
    decoded = scaled;
  }
  cv::Mat rgb;
  switch (decoded.channels()) {
    case 1: cv::cvtColor(decoded, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(decoded, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(decoded, rgb, cv::COLOR_BGRA2RGB); break;
    default: throw ImageReadError(file.string() + ": unsupported " + std::to_string(decoded.channels()) + "-channel image");
  }
  return rgb;
}

at::Tensor rgb_to_normalized_tensor(const cv::Mat& rgb) {
  if (rgb.empty() || rgb.type() != CV_8UC3) throw std::invalid_argument("rgb_to_normalized_tensor: 8-bit RGB expected");
  cv::Mat continuous = rgb.isContinuous() ? rgb : rgb.clone();
  auto hwc = torch::from_blob(continuous.data, {continuous.rows, continuous.cols, 3}, torch::kUInt8);
  auto chw = hwc.permute({2, 0, 1}).to(torch::kFloat).div_(255.0);
  auto mean = torch::tensor({kImageNetMean[0], kImageNetMean[1], kImageNetMean[2]}).view({3, 1, 1});
  auto std = torch::tensor({kImageNetStd[0], kImageNetStd[1], kImageNetStd[2]}).view({3, 1, 1});
  return ((chw - mean) / std).unsqueeze(0).contiguous();
}

}  // namespace dino
