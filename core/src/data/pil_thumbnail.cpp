// Image.reduce follows Pillow's Reduce.c: the sum of a block plus half its pixel count, times
// 2^32 / (256 n) computed in single precision and truncated, shifted down 24 bits, all in 32-bit
// unsigned arithmetic. Image.thumbnail follows Image.thumbnail and Image.resize (reducing_gap).
#include "dino/data/pil_thumbnail.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace dino {
namespace {

uint32_t reduce_multiplier(int pixels) {
  const float numerator = 4294967296.0f;  // 2^32, as Pillow's float max_int
  return static_cast<uint32_t>(numerator / static_cast<float>(static_cast<uint32_t>(256 * pixels)));
}

}  // namespace

cv::Mat pil_reduce(const cv::Mat& image, int factor_x, int factor_y) {
  if (factor_x < 1 || factor_y < 1) throw std::invalid_argument("pil_reduce: factors must be at least 1");
  if (image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3))
    throw std::invalid_argument("pil_reduce: 8-bit images of 1 or 3 channels only");
  const int channels = image.channels();
  const int out_w = (image.cols + factor_x - 1) / factor_x, out_h = (image.rows + factor_y - 1) / factor_y;
  cv::Mat out(out_h, out_w, image.type());
  for (int y = 0; y < out_h; ++y) {
    const int y0 = y * factor_y, y1 = std::min(y0 + factor_y, image.rows);
    for (int x = 0; x < out_w; ++x) {
      const int x0 = x * factor_x, x1 = std::min(x0 + factor_x, image.cols);
      const int pixels = (x1 - x0) * (y1 - y0);
      const uint32_t multiplier = reduce_multiplier(pixels);
      for (int c = 0; c < channels; ++c) {
        uint32_t sum = static_cast<uint32_t>(pixels / 2);
        for (int yy = y0; yy < y1; ++yy) {
          const uint8_t* row = image.ptr<uint8_t>(yy);
          for (int xx = x0; xx < x1; ++xx) sum += row[xx * channels + c];
        }
        out.ptr<uint8_t>(y)[x * channels + c] = static_cast<uint8_t>((sum * multiplier) >> 24);
      }
    }
  }
  return out;
}

cv::Size pil_thumbnail_size(cv::Size image, int max_width, int max_height) {
  if (max_width <= 0 || max_height <= 0) throw std::invalid_argument("pil_thumbnail: the size must be positive");
  if (max_width >= image.width && max_height >= image.height) return image;
  const double aspect = static_cast<double>(image.width) / image.height;
  // round_aspect: floor or ceil, whichever keeps the aspect closer (floor on a tie), at least 1.
  auto closer = [](double value, auto error) {
    const double low = std::floor(value), high = std::ceil(value);
    return static_cast<int>(std::max(error(high) < error(low) ? high : low, 1.0));
  };
  int x = max_width, y = max_height;
  if (static_cast<double>(x) / y >= aspect)
    x = closer(y * aspect, [&](double n) { return std::abs(aspect - n / y); });
  else
    y = closer(x / aspect, [&](double n) { return n == 0 ? 0.0 : std::abs(aspect - x / n); });
  return {x, y};
}

cv::Mat pil_thumbnail(const cv::Mat& image, int max_width, int max_height, PilFilter filter) {
  const cv::Size size = pil_thumbnail_size(image.size(), max_width, max_height);
  if (size == image.size()) return image.clone();
  // Image.resize with reducing_gap 2: reduce by the whole factor that leaves at least twice the
  // target size, then resample the reduced image's share of the original box. For the whole image
  // Pillow's "safe box" around it is the image itself.
  constexpr double reducing_gap = 2.0;
  const int factor_x = std::max(1, static_cast<int>(image.cols / static_cast<double>(size.width) / reducing_gap));
  const int factor_y = std::max(1, static_cast<int>(image.rows / static_cast<double>(size.height) / reducing_gap));
  if (factor_x == 1 && factor_y == 1) return pil_resize(image, size.width, size.height, filter);
  const cv::Mat reduced = pil_reduce(image, factor_x, factor_y);
  return pil_resize(
      reduced, size.width, size.height, filter,
      cv::Rect2d(0, 0, static_cast<double>(image.cols) / factor_x, static_cast<double>(image.rows) / factor_y));
}

}  // namespace dino
