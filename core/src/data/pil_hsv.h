// Pillow's HSV to RGB conversion (hsv2rgb in Convert.c), the second half of torchvision's hue shift
// on PIL images. Private to core's data library; the tests check it against Pillow on every
// (H, S, V) triple.
#pragma once

#include <algorithm>
#include <cstdint>

namespace dino::detail {

// One pixel. Pillow computes the sector and fraction of H * 6 / 255 and the three ramps p, q, t in
// double precision from float inputs; these single-precision steps give the same bytes for all
// 2^24 inputs (checked exhaustively against Pillow) and vectorise twice as wide:
// - 6 H is an integer below 2^24, so the sector (the integer part of 6 H / 255) is exact by
//   comparisons, and the numerator of the fraction is an exact integer;
// - the ramps' products and sums, rounded in float, never move a value across the .5 at which
//   Pillow's + 0.5 truncation rounds.
// Sectors map to (v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q); sector 6 (H 255)
// is sector 0. Written with 0/1 products instead of branches so that a row loop vectorises.
inline void pil_hsv_to_rgb(int hue, int saturation, int value, uint8_t* rgb) {
  const float six = static_cast<float>(hue) * 6.0f;
  const float sector = static_cast<float>((six >= 255.0f) + (six >= 510.0f) + (six >= 765.0f) + (six >= 1020.0f) +
                                          (six >= 1275.0f) + (six >= 1530.0f));
  const int i = static_cast<int>(sector);
  const float f = (six - 255.0f * sector) / 255.0f;
  const float fs = static_cast<float>(saturation) / 255.0f;
  const auto v = static_cast<float>(value);
  const int p = std::min(255, static_cast<int>(v * (1.0f - fs) + 0.5f));
  const int q = std::min(255, static_cast<int>(v * (1.0f - fs * f) + 0.5f));
  const int t = std::min(255, static_cast<int>(v * (1.0f - fs * (1.0f - f)) + 0.5f));
  const int k0 = (i == 0) | (i == 6), k1 = i == 1, k2 = i == 2, k3 = i == 3, k4 = i == 4, k5 = i == 5;
  rgb[0] = static_cast<uint8_t>(value * (k0 + k5) + q * k1 + p * (k2 + k3) + t * k4);
  rgb[1] = static_cast<uint8_t>(value * (k1 + k2) + t * k0 + q * k3 + p * (k4 + k5));
  rgb[2] = static_cast<uint8_t>(value * (k3 + k4) + t * k2 + q * k5 + p * (k0 + k1));
}

// A row of interleaved HSV pixels into RGB (Image.convert("RGB") from an "HSV" image).
void pil_hsv_to_rgb_row(const uint8_t* hsv, uint8_t* rgb, int pixels);

}  // namespace dino::detail
