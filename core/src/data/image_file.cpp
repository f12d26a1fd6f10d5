#include "dino/data/image_file.h"

#include "dino/data/multi_crop.h"
#include "jpeg_rgb.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <fstream>

namespace dino {

namespace {

// libjpeg decodes a truncated JPEG with a warning and grey fill where Pillow refuses it: require
// the end-of-image marker (allowing trailing padding).
bool jpeg_is_truncated(const std::vector<uchar>& bytes) {
  if (bytes.size() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) return false;  // not a JPEG
  size_t end = bytes.size();
  while (end > 2 && (bytes[end - 1] == 0x00 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20)) --end;
  return !(bytes[end - 2] == 0xFF && bytes[end - 1] == 0xD9);
}

}  // namespace

cv::Mat read_rgb_image(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) throw ImageReadError(file.string() + ": no such file");
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size == 0) throw ImageReadError(file.string() + ": the file is empty");
  std::vector<uchar> bytes(size);
  {
    std::ifstream in(file, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
      throw ImageReadError(file.string() + ": cannot read the file");
  }
  if (jpeg_is_truncated(bytes)) throw ImageReadError(file.string() + ": truncated JPEG (no end-of-image marker)");
  if (cv::Mat rgb = detail::decode_jpeg_rgb(bytes); !rgb.empty()) return rgb;  // the common case, fast
  cv::Mat decoded;
  try {
    // IMREAD_ANYDEPTH keeps 16-bit samples for an explicit scale; without IMREAD_IGNORE_ORIENTATION
    // OpenCV applies the EXIF orientation. OpenCV refuses images over 2^30 pixels.
    decoded = cv::imdecode(bytes, cv::IMREAD_ANYCOLOR | cv::IMREAD_ANYDEPTH);
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
  auto tensor = torch::empty({1, 3, rgb.rows, rgb.cols});
  write_normalized_chw(rgb, tensor.data_ptr<float>());
  return tensor;
}

}  // namespace dino
