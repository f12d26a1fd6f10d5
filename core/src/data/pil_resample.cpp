#include "dino/data/pil_resample.h"

#include "pil_fixed_point.h"
#include "resample_rows_vnni.h"
#include "scratch_image.h"
#include "transpose_rgb.h"
#include "simd_dispatch.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace dino {
namespace {

using detail::kPilHalf;
using detail::kPilPrecisionBits;

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

double sinc(double x) {
  if (x == 0.0) return 1.0;
  x *= M_PI;
  return std::sin(x) / x;
}

double lanczos(double x) { return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0; }

// Per output pixel: the first input index and the fixed-point weights of the inputs it reads.
struct Coefficients {
  int kernel_size = 0;
  std::vector<int> first;
  std::vector<int> count;
  std::vector<int32_t> weights;  // out_size x kernel_size
};

Coefficients precompute(int in_size, double in0, double in1, int out_size, PilFilter filter) {
  const double support_base = filter == PilFilter::Bilinear ? 1.0 : filter == PilFilter::Bicubic ? 2.0 : 3.0;
  double (*kernel)(double) = filter == PilFilter::Bilinear  ? bilinear
                             : filter == PilFilter::Bicubic ? bicubic
                                                            : lanczos;
  const double scale = (in1 - in0) / out_size;
  const double filter_scale = std::max(scale, 1.0);  // widen the kernel when shrinking
  const double support = support_base * filter_scale;
  const double inverse_scale = 1.0 / filter_scale;
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
      // Times the reciprocal, as Pillow computes it: dividing rounds differently in the last bit,
      // which Lanczos's sines can carry to a grey level.
      w[static_cast<size_t>(x)] = kernel((x + xmin - center + 0.5) * inverse_scale);
      total += w[static_cast<size_t>(x)];
    }
    for (int x = 0; x < xmax; ++x) {
      const double normalised = total != 0.0 ? w[static_cast<size_t>(x)] / total : w[static_cast<size_t>(x)];
      c.weights[static_cast<size_t>(xx * c.kernel_size + x)] =
          static_cast<int32_t>(normalised * (1 << kPilPrecisionBits) + (normalised < 0 ? -0.5 : 0.5));
    }
    c.first[static_cast<size_t>(xx)] = xmin;
    c.count[static_cast<size_t>(xx)] = std::max(xmax, 0);
  }
  return c;
}

DINO_PIXEL_LOOP
void accumulate_row_loop(int32_t* acc, const uint8_t* row, int32_t weight, int n) {
  for (int j = 0; j < n; ++j) acc[j] += row[j] * weight;
}

DINO_PIXEL_LOOP
void clip_row_loop(const int32_t* acc, uint8_t* out, int n) {
  for (int j = 0; j < n; ++j) out[j] = detail::pil_clip8(acc[j]);
}

// One pass of Pillow's resampling along the columns of `in` (ImagingResampleVertical_8bpc; the
// horizontal pass is the same sum, ImagingResampleHorizontal_8bpc, run here on the transposed
// image): whole rows at a time, so the inner loops run over contiguous memory and vectorise. With
// AVX-512 VNNI a row's sums stay in registers across the taps (resample_rows_vnni.h); the portable
// loops add one tap at a time into a row of sums (blocks of 64 sums kept across the taps measured
// slower there: the long rows stream better).
void vertical_pass(const cv::Mat& in, const Coefficients& c, cv::Mat& out) {
  const int values = in.cols * in.channels();
  if (detail::has_vnni_resampling()) {
    std::vector<const uint8_t*> rows(static_cast<size_t>(c.kernel_size));
    for (int y = 0; y < out.rows; ++y) {
      const int first = c.first[static_cast<size_t>(y)], count = c.count[static_cast<size_t>(y)];
      for (int i = 0; i < count; ++i) rows[static_cast<size_t>(i)] = in.ptr<uint8_t>(first + i);
      detail::resample_row_vnni(rows.data(), &c.weights[static_cast<size_t>(y * c.kernel_size)], count,
                                out.ptr<uint8_t>(y), values);
    }
    return;
  }
  std::vector<int32_t> acc(static_cast<size_t>(values));
  for (int y = 0; y < out.rows; ++y) {
    std::fill(acc.begin(), acc.end(), kPilHalf);
    const int32_t* k = &c.weights[static_cast<size_t>(y * c.kernel_size)];
    const int first = c.first[static_cast<size_t>(y)];
    for (int i = 0; i < c.count[static_cast<size_t>(y)]; ++i)
      detail::run_pixel_loop<accumulate_row_loop>(acc.data(), in.ptr<uint8_t>(first + i), k[i], values);
    detail::run_pixel_loop<clip_row_loop>(acc.data(), out.ptr<uint8_t>(y), values);
  }
}

// The horizontal pass (ImagingResampleHorizontal_8bpc) as the vertical one on the transposed
// image, in this thread's scratch memory: the sums then run along rows and vectorise (a strip-wise
// layout without the transposes measured no faster).
void horizontal_pass(const cv::Mat& in, const Coefficients& c, cv::Mat& out) {
  thread_local std::vector<uint8_t> transposed_memory, resampled_memory;
  cv::Mat transposed = detail::scratch_image(transposed_memory, in.cols, in.rows, in.type());
  cv::Mat resampled = detail::scratch_image(resampled_memory, out.cols, in.rows, in.type());
  detail::transpose_rgb(in, transposed);
  vertical_pass(transposed, c, resampled);
  detail::transpose_rgb(resampled, out);
}

}  // namespace

cv::Mat pil_resize(const cv::Mat& image, int out_width, int out_height, PilFilter filter, cv::Rect2d box) {
  if (image.empty() || out_width <= 0 || out_height <= 0)
    throw std::invalid_argument("pil_resize: empty input or output size");
  if (image.depth() != CV_8U) throw std::invalid_argument("pil_resize: 8-bit images only");
  if (box.width < 0) box = cv::Rect2d(0, 0, image.cols, image.rows);
  const bool horizontal = out_width != image.cols || box.x != 0 || box.width != image.cols;
  const bool vertical = out_height != image.rows || box.y != 0 || box.height != image.rows;
  if (!horizontal && !vertical) return image.clone();
  cv::Mat result = image;
  if (horizontal) {
    // Only the vertical pass reads the horizontal one's output when both run: scratch memory.
    thread_local std::vector<uint8_t> between;
    cv::Mat out = vertical ? detail::scratch_image(between, image.rows, out_width, image.type())
                           : cv::Mat(image.rows, out_width, image.type());
    horizontal_pass(image, precompute(image.cols, box.x, box.x + box.width, out_width, filter), out);
    result = out;
  }
  if (vertical) {
    cv::Mat out(out_height, result.cols, result.type());
    vertical_pass(result, precompute(image.rows, box.y, box.y + box.height, out_height, filter), out);
    result = out;
  }
  return result;
}

}  // namespace dino
