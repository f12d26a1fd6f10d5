#include "dino/data/pil_resample.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace dino {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;  // Pillow's fixed point for 8-bit images

double bilinear(double x) {
  x = std::abs(x);
  return x < 1.0 ? 1.0 - x : 0.0;
}

double bicubic(double x) {
  constexpr double a = -0.5;
  x = std::abs(x);
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
  if (x < 2.0) return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
  return 0.0;
}

// Per output pixel: the first input index and the fixed-point weights of the inputs it reads.
struct Coefficients {
  int kernel_size = 0;
  std::vector<int> first;
  std::vector<int> count;
  std::vector<int32_t> weights;  // out_size x kernel_size
};

Coefficients precompute(int in_size, double in0, double in1, int out_size, PilFilter filter) {
  const double support_base = filter == PilFilter::Bilinear ? 1.0 : 2.0;
  double (*kernel)(double) = filter == PilFilter::Bilinear ? bilinear : bicubic;
  const double scale = (in1 - in0) / out_size;
  const double filter_scale = std::max(scale, 1.0);  // widen the kernel when shrinking
  const double support = support_base * filter_scale;
  Coefficients c;
  c.kernel_size = static_cast<int>(std::ceil(support)) * 2 + 1;
  c.first.resize(static_cast<size_t>(out_size));
  c.count.resize(static_cast<size_t>(out_size));
  c.weights.assign(static_cast<size_t>(out_size) * static_cast<size_t>(c.kernel_size), 0);
  std::vector<double> w(static_cast<size_t>(c.kernel_size));
  for (int xx = 0; xx < out_size; ++xx) {
    const double center = in0 + (xx + 0.5) * scale;
    // Pillow truncates toward zero here (C casts), then clamps.
    int xmin = static_cast<int>(center - support + 0.5);
    xmin = std::max(xmin, 0);
    int xmax = static_cast<int>(center + support + 0.5);
    xmax = std::min(xmax, in_size) - xmin;
    double total = 0.0;
    for (int x = 0; x < xmax; ++x) {
      w[static_cast<size_t>(x)] = kernel((x + xmin - center + 0.5) / filter_scale);
      total += w[static_cast<size_t>(x)];
    }
    for (int x = 0; x < xmax; ++x) {
      const double normalised = total != 0.0 ? w[static_cast<size_t>(x)] / total : w[static_cast<size_t>(x)];
      c.weights[static_cast<size_t>(xx * c.kernel_size + x)] =
          static_cast<int32_t>(normalised * (1 << kPrecisionBits) + (normalised < 0 ? -0.5 : 0.5));
    }
    c.first[static_cast<size_t>(xx)] = xmin;
    c.count[static_cast<size_t>(xx)] = std::max(xmax, 0);
  }
  return c;
}

uint8_t clip8(int32_t accumulator) {
  // Pillow: values past 255 << 22 saturate, negative ones clip to 0, the rest drop 22 bits.
  if (accumulator >= (int32_t{255} << kPrecisionBits)) return 255;
  if (accumulator <= 0) return 0;
  return static_cast<uint8_t>(accumulator >> kPrecisionBits);
}

constexpr int32_t kHalf = int32_t{1} << (kPrecisionBits - 1);

// Along rows, 32-bit accumulators as Pillow's ImagingResampleHorizontal_8bpc.
cv::Mat horizontal_pass(const cv::Mat& in, const Coefficients& c, int out_width) {
  const int channels = in.channels();
  cv::Mat out(in.rows, out_width, in.type());
  for (int y = 0; y < in.rows; ++y) {
    const uint8_t* src = in.ptr<uint8_t>(y);
    uint8_t* dst = out.ptr<uint8_t>(y);
    for (int x = 0; x < out_width; ++x) {
      const int32_t* k = &c.weights[static_cast<size_t>(x * c.kernel_size)];
      const uint8_t* s = src + c.first[static_cast<size_t>(x)] * channels;
      const int count = c.count[static_cast<size_t>(x)];
      if (channels == 3) {
        int32_t a0 = kHalf, a1 = kHalf, a2 = kHalf;
        for (int i = 0; i < count; ++i) {
          a0 += s[3 * i] * k[i];
          a1 += s[3 * i + 1] * k[i];
          a2 += s[3 * i + 2] * k[i];
        }
        dst[3 * x] = clip8(a0);
        dst[3 * x + 1] = clip8(a1);
        dst[3 * x + 2] = clip8(a2);
      } else {
        for (int ch = 0; ch < channels; ++ch) {
          int32_t a = kHalf;
          for (int i = 0; i < count; ++i) a += s[channels * i + ch] * k[i];
          dst[channels * x + ch] = clip8(a);
        }
      }
    }
  }
  return out;
}

// Along columns: whole rows at a time, so the inner loop runs over contiguous memory.
cv::Mat vertical_pass(const cv::Mat& in, const Coefficients& c, int out_height) {
  const int values = in.cols * in.channels();
  cv::Mat out(out_height, in.cols, in.type());
  std::vector<int32_t> acc(static_cast<size_t>(values));
  for (int y = 0; y < out_height; ++y) {
    std::fill(acc.begin(), acc.end(), kHalf);
    const int32_t* k = &c.weights[static_cast<size_t>(y * c.kernel_size)];
    const int first = c.first[static_cast<size_t>(y)];
    for (int i = 0; i < c.count[static_cast<size_t>(y)]; ++i) {
      const uint8_t* row = in.ptr<uint8_t>(first + i);
      const int32_t weight = k[i];
      for (int j = 0; j < values; ++j) acc[static_cast<size_t>(j)] += row[j] * weight;
    }
    uint8_t* dst = out.ptr<uint8_t>(y);
    for (int j = 0; j < values; ++j) dst[j] = clip8(acc[static_cast<size_t>(j)]);
  }
  return out;
}

}  // namespace

cv::Mat pil_resize(const cv::Mat& image, int out_width, int out_height, PilFilter filter, cv::Rect2d box) {
  if (image.empty() || out_width <= 0 || out_height <= 0)
    throw std::invalid_argument("pil_resize: empty input or output size");
  if (image.depth() != CV_8U) throw std::invalid_argument("pil_resize: 8-bit images only");
  if (box.width < 0) box = cv::Rect2d(0, 0, image.cols, image.rows);
  const bool horizontal = out_width != image.cols || box.x != 0 || box.width != image.cols;
  const bool vertical = out_height != image.rows || box.y != 0 || box.height != image.rows;
  cv::Mat result = image;
  if (horizontal) {
    auto c = precompute(image.cols, box.x, box.x + box.width, out_width, filter);
    result = horizontal_pass(result, c, out_width);
  }
  if (vertical) {
    auto c = precompute(image.rows, box.y, box.y + box.height, out_height, filter);
    result = vertical_pass(result, c, out_height);
  }
  return horizontal || vertical ? result : image.clone();
}

}  // namespace dino
