#include "dino/data/pil_ops.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace dino {
namespace {

void require_rgb8(const cv::Mat& m, const char* what) {
  if (m.type() != CV_8UC3) throw std::invalid_argument(std::string(what) + ": 8-bit RGB expected");
}

uint8_t clip8(int v) { return static_cast<uint8_t>(std::clamp(v, 0, 255)); }

cv::Mat luma_of(const cv::Mat& rgb) {
  cv::Mat luma(rgb.rows, rgb.cols, CV_8UC1);
  for (int y = 0; y < rgb.rows; ++y) {
    const auto* in = rgb.ptr<uint8_t>(y);
    auto* out = luma.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.cols; ++x) out[x] = pil_luma(in[3 * x], in[3 * x + 1], in[3 * x + 2]);
  }
  return luma;
}

// Pillow's rgb2hsv (Convert.c), which follows Python's colorsys with 8-bit outputs.
void rgb_to_hsv(uint8_t r, uint8_t g, uint8_t b, uint8_t& h_out, uint8_t& s_out, uint8_t& v_out) {
  const uint8_t maxc = std::max(r, std::max(g, b));
  const uint8_t minc = std::min(r, std::min(g, b));
  v_out = maxc;
  if (minc == maxc) {
    h_out = 0;
    s_out = 0;
    return;
  }
  const float cr = static_cast<float>(maxc - minc);
  const float s = cr / static_cast<float>(maxc);
  const float rc = static_cast<float>(maxc - r) / cr;
  const float gc = static_cast<float>(maxc - g) / cr;
  const float bc = static_cast<float>(maxc - b) / cr;
  float h;
  if (r == maxc) {
    h = bc - gc;
  } else if (g == maxc) {
    h = static_cast<float>(2.0 + rc - bc);
  } else {
    h = static_cast<float>(4.0 + gc - rc);
  }
  h = static_cast<float>(std::fmod(h / 6.0 + 1.0, 1.0));
  h_out = clip8(static_cast<int>(h * 255.0));
  s_out = clip8(static_cast<int>(s * 255.0));
}

// Pillow's hsv2rgb.
void hsv_to_rgb(uint8_t h, uint8_t s, uint8_t v, uint8_t* out) {
  if (s == 0) {
    out[0] = out[1] = out[2] = v;
    return;
  }
  const int i = static_cast<int>(std::floor(static_cast<float>(h) * 6.0 / 255.0));
  const float f = static_cast<float>(static_cast<float>(h) * 6.0 / 255.0 - static_cast<float>(i));
  const float fs = static_cast<float>(static_cast<float>(s) / 255.0);
  const uint8_t p = clip8(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs))));
  const uint8_t q = clip8(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs * f))));
  const uint8_t t = clip8(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs * (1.0 - f)))));
  switch (i % 6) {
    case 0: out[0] = v; out[1] = t; out[2] = p; break;
    case 1: out[0] = q; out[1] = v; out[2] = p; break;
    case 2: out[0] = p; out[1] = v; out[2] = t; break;
    case 3: out[0] = p; out[1] = q; out[2] = v; break;
    case 4: out[0] = t; out[1] = p; out[2] = v; break;
    default: out[0] = v; out[1] = p; out[2] = q; break;
  }
}

// One pass of Pillow's extended box blur along rows (Pillow's ImagingHorizontalBoxBlur): a box of
// integer radius r with weight ww per pixel plus the two pixels just outside it at the fractional
// weight fw, in 24-bit fixed point, borders clamped.
void box_blur_rows(cv::Mat& image, float radius) {
  const int r = static_cast<int>(radius);
  const auto ww = static_cast<uint32_t>(static_cast<float>(1 << 24) / (radius * 2 + 1));
  const uint32_t fw = ((1u << 24) - static_cast<uint32_t>(r * 2 + 1) * ww) / 2;
  const int width = image.cols;
  const int channels = image.channels();
  std::vector<uint8_t> line(static_cast<size_t>(width * channels));
  auto at = [&](int x, int c) { return static_cast<uint32_t>(line[static_cast<size_t>(std::clamp(x, 0, width - 1) * channels + c)]); };
  for (int y = 0; y < image.rows; ++y) {
    auto* row = image.ptr<uint8_t>(y);
    std::copy(row, row + width * channels, line.begin());
    for (int c = 0; c < channels; ++c) {
      uint32_t acc = 0;
      for (int k = -r; k <= r; ++k) acc += at(k, c);
      for (int x = 0; x < width; ++x) {
        if (x > 0) acc += at(x + r, c) - at(x - r - 1, c);
        const uint32_t bulk = acc * ww + (at(x - r - 1, c) + at(x + r + 1, c)) * fw;
        row[x * channels + c] = static_cast<uint8_t>((bulk + (1u << 23)) >> 24);
      }
    }
  }
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

void pil_blend(const cv::Mat& a, cv::Mat& b_to_out, double alpha_in) {
  const auto alpha = static_cast<float>(alpha_in);  // Pillow takes a C float
  const bool interpolate = alpha >= 0.0f && alpha <= 1.0f;
  for (int y = 0; y < b_to_out.rows; ++y) {
    const auto* in1 = a.ptr<uint8_t>(y);
    auto* in2 = b_to_out.ptr<uint8_t>(y);
    for (int x = 0; x < b_to_out.cols * b_to_out.channels(); ++x) {
      const float value = static_cast<float>(in1[x]) + alpha * static_cast<float>(static_cast<int>(in2[x]) - static_cast<int>(in1[x]));
      if (interpolate) {
        in2[x] = static_cast<uint8_t>(static_cast<int>(value));
      } else {
        in2[x] = value <= 0.0f ? 0 : value >= 255.0f ? 255 : static_cast<uint8_t>(value);
      }
    }
  }
}

void pil_adjust_brightness(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_brightness");
  pil_blend(cv::Mat::zeros(rgb.size(), rgb.type()), rgb, factor);
}

void pil_adjust_contrast(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_contrast");
  const cv::Mat luma = luma_of(rgb);
  const double mean = cv::sum(luma)[0] / static_cast<double>(luma.total());
  const int grey = static_cast<int>(mean + 0.5);
  pil_blend(cv::Mat(rgb.size(), rgb.type(), cv::Scalar(grey, grey, grey)), rgb, factor);
}

void pil_adjust_saturation(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_saturation");
  cv::Mat grey = rgb.clone();
  pil_grayscale(grey);
  pil_blend(grey, rgb, factor);
}

void pil_adjust_hue(cv::Mat& rgb, double hue_factor) {
  require_rgb8(rgb, "pil_adjust_hue");
  // numpy's uint8(float) truncates toward zero and wraps modulo 256 (uint8(-25.5) == 231).
  const auto shift = static_cast<uint8_t>(static_cast<int>(hue_factor * 255) & 0xff);
  for (int y = 0; y < rgb.rows; ++y) {
    auto* row = rgb.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.cols; ++x) {
      uint8_t h, s, v;
      rgb_to_hsv(row[3 * x], row[3 * x + 1], row[3 * x + 2], h, s, v);
      hsv_to_rgb(static_cast<uint8_t>(h + shift), s, v, row + 3 * x);
    }
  }
}

void pil_grayscale(cv::Mat& rgb) {
  require_rgb8(rgb, "pil_grayscale");
  for (int y = 0; y < rgb.rows; ++y) {
    auto* row = rgb.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.cols; ++x) {
      const uint8_t l = pil_luma(row[3 * x], row[3 * x + 1], row[3 * x + 2]);
      row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = l;
    }
  }
}

void pil_gaussian_blur(cv::Mat& rgb, double radius) {
  if (radius <= 0 || rgb.empty()) return;
  constexpr int kPasses = 3;
  const float box = box_radius(static_cast<float>(radius), kPasses);
  for (int pass = 0; pass < kPasses; ++pass) box_blur_rows(rgb, box);
  cv::Mat transposed = rgb.t();
  for (int pass = 0; pass < kPasses; ++pass) box_blur_rows(transposed, box);
  cv::Mat back = transposed.t();
  back.copyTo(rgb);
}

void pil_solarize(cv::Mat& rgb, int threshold) {
  for (int y = 0; y < rgb.rows; ++y) {
    auto* row = rgb.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.cols * rgb.channels(); ++x)
      if (row[x] >= threshold) row[x] = static_cast<uint8_t>(255 - row[x]);
  }
}

}  // namespace dino
