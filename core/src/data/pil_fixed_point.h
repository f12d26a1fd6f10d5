// Pillow's fixed point for resampling 8-bit images (Resample.c), shared by the portable row sums
// and the AVX-512 VNNI ones. Private to core's data library.
#pragma once

#include <algorithm>
#include <cstdint>

namespace dino::detail {

constexpr int kPilPrecisionBits = 32 - 8 - 2;  // 22 fractional bits
constexpr int32_t kPilHalf = int32_t{1} << (kPilPrecisionBits - 1);

// Pillow's clip of a sum (that already holds kPilHalf): past 255 << 22 saturates, negative clips
// to 0, the rest drops 22 bits; the arithmetic shift then clamp gives the same values without
// branches.
inline uint8_t pil_clip8(int32_t sum) { return static_cast<uint8_t>(std::clamp(sum >> kPilPrecisionBits, 0, 255)); }

}  // namespace dino::detail
