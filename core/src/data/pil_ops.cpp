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
  // fmod(h / 6 + 1, 1) for h / 6 + 1 in [0, 2): subtracting 1 is exact.
  const double wrapped = h / 6.0 + 1.0;
  h = static_cast<float>(wrapped >= 1.0 ? wrapped - 1.0 : wrapped);
  h_out = clip8(static_cast<int>(h * 255.0));
  s_out = clip8(static_cast<int>(s * 255.0));
}

// C's round() for the non-negative values below (half away from zero), without the libm call.
inline int round_non_negative(double x) { return static_cast<int>(x + 0.5); }

// Pillow's hsv2rgb.
void hsv_to_rgb(uint8_t h, uint8_t s, uint8_t v, uint8_t* out) {
  if (s == 0) {
    out[0] = out[1] = out[2] = v;
    return;
  }
  const double h6 = static_cast<float>(h) * 6.0 / 255.0;
  const int i = static_cast<int>(h6);  // floor: h6 >= 0
  const float f = static_cast<float>(h6 - static_cast<float>(i));
  const float fs = static_cast<float>(static_cast<float>(s) / 255.0);
  const double value = static_cast<float>(v);
  const uint8_t p = clip8(round_non_negative(value * (1.0 - fs)));
  const uint8_t q = clip8(round_non_negative(value * (1.0 - fs * f)));
  const uint8_t t = clip8(round_non_negative(value * (1.0 - fs * (1.0 - f))));
  switch (i % 6) {
    case 0: out[0] = v; out[1] = t; out[2] = p; break;
    case 1: out[0] = q; out[1] = v; out[2] = p; break;
    case 2: out[0] = p; out[1] = v; out[2] = t; break;
    case 3: out[0] = p; out[1] = q; out[2] = v; break;
    case 4: out[0] = t; out[1] = p; out[2] = v; break;
    default: out[0] = v; out[1] = p; out[2] = q; break;
  }
}

// Pillow's extended box blur (ImagingHorizontalBoxBlur): a box of integer radius r with weight ww
// per pixel plus the two pixels just outside it at the fractional weight fw, in 24-bit fixed
// point, borders clamped. Pillow blurs columns by transposing; blurring columns directly gives
// the same numbers.
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

inline uint8_t box_value(uint32_t acc, uint32_t far, const BoxWeights& w) {
  return static_cast<uint8_t>((acc * w.ww + far * w.fw + (1u << 23)) >> 24);
}

void box_blur_rows(cv::Mat& image, const BoxWeights& w) {
  const int width = image.cols;
  const int channels = image.channels();
  const int pad = w.r + 1;
  std::vector<uint8_t> line(static_cast<size_t>((width + 2 * pad) * channels));
  std::vector<uint32_t> acc(static_cast<size_t>(channels));
  for (int y = 0; y < image.rows; ++y) {
    uint8_t* row = image.ptr<uint8_t>(y);
    // The line with its ends repeated pad times: positions -pad .. width + pad - 1.
    for (int x = -pad; x < width + pad; ++x)
      for (int c = 0; c < channels; ++c)
        line[static_cast<size_t>((x + pad) * channels + c)] = row[std::clamp(x, 0, width - 1) * channels + c];
    const uint8_t* l = line.data() + pad * channels;  // l[x * channels + c], x in [-pad, width + pad)
    for (int c = 0; c < channels; ++c) {
      uint32_t a = 0;
      for (int k = -w.r; k <= w.r; ++k) a += l[k * channels + c];
      acc[static_cast<size_t>(c)] = a;
    }
    for (int x = 0; x < width; ++x) {
      for (int c = 0; c < channels; ++c) {
        uint32_t& a = acc[static_cast<size_t>(c)];
        if (x > 0) a = a + l[(x + w.r) * channels + c] - l[(x - w.r - 1) * channels + c];
        row[x * channels + c] = box_value(a, l[(x - w.r - 1) * channels + c] + l[(x + w.r + 1) * channels + c], w);
      }
    }
  }
}

void box_blur_columns(const cv::Mat& in, cv::Mat& out, const BoxWeights& w) {
  const int height = in.rows;
  const int values = in.cols * in.channels();
  auto row = [&](int y) { return in.ptr<uint8_t>(std::clamp(y, 0, height - 1)); };
  std::vector<uint32_t> acc(static_cast<size_t>(values), 0);
  for (int k = -w.r; k <= w.r; ++k) {
    const uint8_t* r = row(k);
    for (int j = 0; j < values; ++j) acc[static_cast<size_t>(j)] += r[j];
  }
  for (int y = 0; y < height; ++y) {
    const uint8_t* above = row(y - w.r - 1);
    const uint8_t* below = row(y + w.r + 1);
    if (y > 0) {
      const uint8_t* entering = row(y + w.r);
      for (int j = 0; j < values; ++j) acc[static_cast<size_t>(j)] += entering[j] - above[j];
    }
    uint8_t* dst = out.ptr<uint8_t>(y);
    for (int j = 0; j < values; ++j) dst[j] = box_value(acc[static_cast<size_t>(j)], above[j] + below[j], w);
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

namespace {

// Image.blend with a constant image: the same arithmetic as pil_blend, as a table of 256 values.
void blend_with_constant(cv::Mat& image, int constant, double alpha_in) {
  const auto alpha = static_cast<float>(alpha_in);
  const bool interpolate = alpha >= 0.0f && alpha <= 1.0f;
  uint8_t table[256];
  for (int v = 0; v < 256; ++v) {
    const float value = static_cast<float>(constant) + alpha * static_cast<float>(v - constant);
    table[v] = interpolate ? static_cast<uint8_t>(static_cast<int>(value))
                           : value <= 0.0f ? 0 : value >= 255.0f ? 255 : static_cast<uint8_t>(value);
  }
  for (int y = 0; y < image.rows; ++y) {
    uint8_t* row = image.ptr<uint8_t>(y);
    for (int x = 0; x < image.cols * image.channels(); ++x) row[x] = table[row[x]];
  }
}

}  // namespace

void pil_adjust_brightness(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_brightness");
  blend_with_constant(rgb, 0, factor);
}

void pil_adjust_contrast(cv::Mat& rgb, double factor) {
  require_rgb8(rgb, "pil_adjust_contrast");
  const cv::Mat luma = luma_of(rgb);
  const double mean = cv::sum(luma)[0] / static_cast<double>(luma.total());
  blend_with_constant(rgb, static_cast<int>(mean + 0.5), factor);
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
  const BoxWeights weights = box_weights(box_radius(static_cast<float>(radius), kPasses));
  for (int pass = 0; pass < kPasses; ++pass) box_blur_rows(rgb, weights);
  cv::Mat source = rgb, target(rgb.size(), rgb.type());
  for (int pass = 0; pass < kPasses; ++pass) {
    box_blur_columns(source, target, weights);
    std::swap(source, target);
  }
  if (source.data != rgb.data) source.copyTo(rgb);
}

void pil_solarize(cv::Mat& rgb, int threshold) {
  for (int y = 0; y < rgb.rows; ++y) {
    auto* row = rgb.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.cols * rgb.channels(); ++x)
      if (row[x] >= threshold) row[x] = static_cast<uint8_t>(255 - row[x]);
  }
}

}  // namespace dino
