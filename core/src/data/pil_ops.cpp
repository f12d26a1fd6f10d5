#include "dino/data/pil_ops.h"

#include "pil_hsv.h"
#include "scratch_image.h"
#include "transpose_rgb.h"
#include "simd_dispatch.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace dino {
namespace {

void require_rgb8(const cv::Mat& m, const char* what) {
  if (m.type() != CV_8UC3) throw std::invalid_argument(std::string(what) + ": 8-bit RGB expected");
}

// Pillow's extended box blur (ImagingHorizontalBoxBlur): a box of integer radius r with weight ww
// per pixel plus the two pixels just outside it at the fractional weight fw, in 24-bit fixed
// point, borders clamped. Pillow blurs rows, then transposes for the columns; here both run as
// column passes (the rows on the transposed image), which gives the same numbers.
struct BoxWeights {
  int r;
  uint32_t ww, fw;
};

BoxWeights box_weights(float radius) {
  BoxWeights w;
  w.r = static_cast<int>(radius);
  w.ww = static_cast<uint32_t>(static_cast<float>(1 << 24) / (radius * 2 + 1));
  w.fw = ((1u << 24) - static_cast<uint32_t>(w.r * 2 + 1) * w.ww) / 2;
  return w;
}

// One output row of a vertical box pass: the window sums `acc` (2r + 1 rows) at weight ww plus the
// rows just outside it at fw, in 24-bit fixed point with rounding.
DINO_PIXEL_LOOP
void box_emit_loop(const uint32_t* acc, const uint8_t* above, const uint8_t* below, uint8_t* dst, int n, uint32_t ww, uint32_t fw) {
  for (int j = 0; j < n; ++j)
    dst[j] = static_cast<uint8_t>((acc[j] * ww + static_cast<uint32_t>(above[j] + below[j]) * fw + (1u << 23)) >> 24);
}

// The window moves down one row: `entering` joins, `leaving` goes.
DINO_PIXEL_LOOP
void box_slide_loop(uint32_t* acc, const uint8_t* entering, const uint8_t* leaving, int n) {
  for (int j = 0; j < n; ++j) acc[j] += static_cast<uint32_t>(entering[j]) - static_cast<uint32_t>(leaving[j]);
}

DINO_PIXEL_LOOP
void box_add_loop(uint32_t* acc, const uint8_t* row, int n) {
  for (int j = 0; j < n; ++j) acc[j] += row[j];
}

// One box pass down the columns of `in` into `out` (Pillow blurs rows, then transposes and blurs
// rows again; here rows are blurred as the columns of the transposed image, so every pass runs
// over contiguous memory).
void box_blur_columns(const cv::Mat& in, cv::Mat& out, const BoxWeights& w) {
  const int height = in.rows;
  const int values = in.cols * in.channels();
  auto row = [&](int y) { return in.ptr<uint8_t>(std::clamp(y, 0, height - 1)); };
  std::vector<uint32_t> acc(static_cast<size_t>(values), 0);
  for (int k = -w.r; k <= w.r; ++k) detail::run_pixel_loop<box_add_loop>(acc.data(), row(k), values);
  for (int y = 0; y < height; ++y) {
    const uint8_t* above = row(y - w.r - 1);
    if (y > 0) detail::run_pixel_loop<box_slide_loop>(acc.data(), row(y + w.r), above, values);
    detail::run_pixel_loop<box_emit_loop>(acc.data(), above, row(y + w.r + 1), out.ptr<uint8_t>(y), values, w.ww, w.fw);
  }
}

// `passes` box passes down the columns of `image`, in place.
void box_blur_columns_passes(cv::Mat& image, const BoxWeights& w, int passes) {
  thread_local std::vector<uint8_t> memory;
  cv::Mat source = image, target = detail::scratch_image(memory, image.rows, image.cols, image.type());
  for (int pass = 0; pass < passes; ++pass) {
    box_blur_columns(source, target, w);
    std::swap(source, target);
  }
  if (source.data != image.data) source.copyTo(image);
}

// Pillow's _gaussian_blur_radius: the extended box radius whose `passes` repetitions have variance
// radius^2 (Gwosdek et al. 2011).
float box_radius(float sigma, int passes) {
  const float sigma2 = sigma * sigma / static_cast<float>(passes);
  const float length = std::sqrt(12.0f * sigma2 + 1.0f);
  const float l = std::floor((length - 1.0f) / 2.0f);
  float a = (2 * l + 1) * (l * (l + 1) - 3 * sigma2);
  a /= 6 * (sigma2 - (l + 1) * (l + 1));
  return l + a;
}

}  // namespace

namespace {

// Image.blend's per-value arithmetic in C float: out = a + alpha * (b - a), truncated when alpha
// lies in [0, 1] (the result stays in range), clipped otherwise.
DINO_PIXEL_LOOP
void blend_values_loop(const uint8_t* a, uint8_t* b_to_out, int n, float alpha) {
  if (alpha >= 0.0f && alpha <= 1.0f) {
    for (int x = 0; x < n; ++x)
      b_to_out[x] = static_cast<uint8_t>(static_cast<int>(static_cast<float>(a[x]) +
                                                          alpha * static_cast<float>(static_cast<int>(b_to_out[x]) - static_cast<int>(a[x]))));
  } else {
    for (int x = 0; x < n; ++x) {
      const float value = static_cast<float>(a[x]) + alpha * static_cast<float>(static_cast<int>(b_to_out[x]) - static_cast<int>(a[x]));
      b_to_out[x] = static_cast<uint8_t>(static_cast<int>(std::clamp(value, 0.0f, 255.0f)));
    }
  }
}

// The sum of Pillow's luma over a row (ImageStat's mean of the "L" image, spread over rows).
DINO_PIXEL_LOOP
uint64_t luma_sum_loop(const uint8_t* rgb, int pixels) {
  uint32_t sum = 0;  // at most 255 per pixel: rows of up to 16 million pixels fit
  for (int x = 0; x < pixels; ++x) sum += pil_luma(rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2]);
  return sum;
}

DINO_PIXEL_LOOP
void grayscale_row_loop(uint8_t* rgb, int pixels) {
  for (int x = 0; x < pixels; ++x) {
    const uint8_t l = pil_luma(rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2]);
    rgb[3 * x] = rgb[3 * x + 1] = rgb[3 * x + 2] = l;
  }
}

}  // namespace

void pil_blend(const cv::Mat& a, cv::Mat& b_to_out, double alpha_in) {
  const auto alpha = static_cast<float>(alpha_in);  // Pillow takes a C float
  for (int y = 0; y < b_to_out.rows; ++y)
    detail::run_pixel_loop<blend_values_loop>(a.ptr<uint8_t>(y), b_to_out.ptr<uint8_t>(y), b_to_out.cols * b_to_out.channels(), alpha);
}

namespace {

// Image.blend with a constant image (ImageEnhance's degenerate images for brightness and contrast).
void blend_with_constant(cv::Mat& image, int constant, double alpha) {
  const int n = image.cols * image.channels();
  const std::vector<uint8_t> degenerate(static_cast<size_t>(n), static_cast<uint8_t>(constant));
  const auto a = static_cast<float>(alpha);  // Pillow takes a C float
  for (int y = 0; y < image.rows; ++y) detail::run_pixel_loop<blend_values_loop>(degenerate.data(), image.ptr<uint8_t>(y), n, a);
}

}  // namespace

void pil_adjust_brightness(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_brightness");
  blend_with_constant(rgb, 0, factor);
}

void pil_adjust_contrast(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_contrast");
  uint64_t sum = 0;
  for (int y = 0; y < rgb.rows; ++y) sum += detail::run_pixel_loop<luma_sum_loop>(rgb.ptr<uint8_t>(y), rgb.cols);
  const double mean = static_cast<double>(sum) / static_cast<double>(rgb.total());
  blend_with_constant(rgb, static_cast<int>(mean + 0.5), factor);
}

void pil_adjust_saturation(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_saturation");
  // ImageEnhance.Color: blend(the image in grey, the image, factor), a row at a time.
  const int n = rgb.cols * 3;
  std::vector<uint8_t> grey(static_cast<size_t>(n));
  const auto alpha = static_cast<float>(factor);  // Pillow takes a C float
  for (int y = 0; y < rgb.rows; ++y) {
    uint8_t* row = rgb.ptr<uint8_t>(y);
    std::copy(row, row + n, grey.begin());
    detail::run_pixel_loop<grayscale_row_loop>(grey.data(), rgb.cols);
    detail::run_pixel_loop<blend_values_loop>(grey.data(), row, n, alpha);
  }
}

namespace {

// rgb2hsv's hue (Convert.c) in Pillow's float and double steps, for one pixel.
int pillow_hue(int r, int g, int b) {
  const int maxc = std::max(r, std::max(g, b)), minc = std::min(r, std::min(g, b));
  if (maxc == minc) return 0;  // grey
  const auto range = static_cast<float>(maxc - minc);
  const float rc = static_cast<float>(maxc - r) / range;
  const float gc = static_cast<float>(maxc - g) / range;
  const float bc = static_cast<float>(maxc - b) / range;
  float h;
  if (r == maxc) h = bc - gc;
  else if (g == maxc) h = static_cast<float>(2.0 + rc - bc);
  else h = static_cast<float>(4.0 + gc - rc);
  double wrapped = h / 6.0 + 1.0;  // fmod(h / 6 + 1, 1) for h in [-1, 5]
  if (wrapped >= 1.0) wrapped -= 1.0;
  return std::clamp(static_cast<int>(static_cast<float>(wrapped) * 255.0), 0, 255);
}

// The hue depends only on which channel is the largest (the first of equals, as rgb2hsv tests
// them) and how far the other two lie below it, so it is tabulated once over those distances:
// 3 x 256 x 256 bytes, each entry computed by pillow_hue itself, so exact by construction. The
// per-pixel float divisions and double steps become one lookup. Three bytes of padding let the
// row loop read each entry as a 32-bit word, which compilers turn into vector gathers.
class HueTable {
 public:
  static constexpr int kRedLargest = 0, kGreenLargest = 1 << 16, kBlueLargest = 2 << 16;

  HueTable() : hue_((3 << 16) + 3, 0) {
    for (int d1 = 0; d1 < 256; ++d1)
      for (int d2 = 0; d2 < 256; ++d2) {
        const int key = d1 << 8 | d2;
        // Representatives with the largest channel at 255: (r, g, b) below the largest by (0, d1, d2),
        // (d1, 0, d2) and (d2, d1, 0); the hue depends on differences only.
        hue_[static_cast<size_t>(kRedLargest + key)] = static_cast<uint8_t>(pillow_hue(255, 255 - d1, 255 - d2));
        if (d1 > 0) hue_[static_cast<size_t>(kGreenLargest + key)] = static_cast<uint8_t>(pillow_hue(255 - d1, 255, 255 - d2));
        if (d1 > 0 && d2 > 0) hue_[static_cast<size_t>(kBlueLargest + key)] = static_cast<uint8_t>(pillow_hue(255 - d2, 255 - d1, 255));
      }
  }
  const uint8_t* data() const { return hue_.data(); }

 private:
  std::vector<uint8_t> hue_;
};

// torchvision's hue shift for one row: Pillow's hue (from the table), saturation and value, H
// shifted modulo 256, and back through hsv2rgb. Grey pixels come out as (v, v, v), as in Pillow.
DINO_PIXEL_LOOP
void hue_row_loop(uint8_t* __restrict px, int n, int shift, const uint8_t* __restrict table) {
  for (int x = 0; x < n; ++x) {
    const int r = px[3 * x], g = px[3 * x + 1], b = px[3 * x + 2];
    const int maxc = std::max(r, std::max(g, b)), minc = std::min(r, std::min(g, b));
    const int dr = maxc - r, dg = maxc - g, db = maxc - b;
    const int index = dr == 0   ? HueTable::kRedLargest + (dg << 8 | db)
                      : dg == 0 ? HueTable::kGreenLargest + (dr << 8 | db)
                                : HueTable::kBlueLargest + (dg << 8 | dr);
    uint32_t word;
    std::memcpy(&word, table + index, sizeof word);
    const int hue = static_cast<int>(word & 0xff);
    // rgb2hsv's saturation: the float quotient times 255 truncated (in float: the same integers
    // as Pillow's double product for every maxc and range).
    const float s = static_cast<float>(maxc - minc) / static_cast<float>(maxc == 0 ? 1 : maxc);
    const int saturation = std::min(static_cast<int>(s * 255.0f), 255);
    detail::pil_hsv_to_rgb((hue + shift) & 255, saturation, maxc, px + 3 * x);
  }
}

}  // namespace

void pil_adjust_hue(cv::Mat& rgb, double hue_factor) {
  require_rgb8(rgb, "pil_adjust_hue");
  // numpy's uint8(float) truncates toward zero and wraps modulo 256 (uint8(-25.5) == 231).
  const int shift = static_cast<int>(hue_factor * 255) & 0xff;
  static const HueTable table;
  for (int y = 0; y < rgb.rows; ++y) detail::run_pixel_loop<hue_row_loop, true>(rgb.ptr<uint8_t>(y), rgb.cols, shift, table.data());
}

void pil_grayscale(cv::Mat& rgb) {
  require_rgb8(rgb, "pil_grayscale");
  for (int y = 0; y < rgb.rows; ++y) detail::run_pixel_loop<grayscale_row_loop>(rgb.ptr<uint8_t>(y), rgb.cols);
}

void pil_gaussian_blur(cv::Mat& rgb, double radius) {
  if (radius <= 0 || rgb.empty()) return;
  constexpr int kPasses = 3;
  const BoxWeights weights = box_weights(box_radius(static_cast<float>(radius), kPasses));
  // Pillow's order: every horizontal pass, then every vertical one.
  thread_local std::vector<uint8_t> memory;
  cv::Mat transposed = detail::scratch_image(memory, rgb.cols, rgb.rows, rgb.type());
  detail::transpose_rgb(rgb, transposed);
  box_blur_columns_passes(transposed, weights, kPasses);
  detail::transpose_rgb(transposed, rgb);
  box_blur_columns_passes(rgb, weights, kPasses);
}

namespace detail {

namespace {

DINO_PIXEL_LOOP
void pil_hsv_to_rgb_row_loop(const uint8_t* hsv, uint8_t* rgb, int pixels) {
  for (int x = 0; x < pixels; ++x) pil_hsv_to_rgb(hsv[3 * x], hsv[3 * x + 1], hsv[3 * x + 2], rgb + 3 * x);
}

}  // namespace

void pil_hsv_to_rgb_row(const uint8_t* hsv, uint8_t* rgb, int pixels) {
  run_pixel_loop<pil_hsv_to_rgb_row_loop>(hsv, rgb, pixels);
}

}  // namespace detail

void pil_solarize(cv::Mat& rgb, int threshold) {
  for (int y = 0; y < rgb.rows; ++y) {
    auto* row = rgb.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.cols * rgb.channels(); ++x)
      if (row[x] >= threshold) row[x] = static_cast<uint8_t>(255 - row[x]);
  }
}

}  // namespace dino
