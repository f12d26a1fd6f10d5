// One output row of Pillow's 8-bit resampling sums (ImagingResample*_8bpc) with AVX-512 VNNI, for
// CPUs that have it. Private to core's data library; pil_resample.cpp falls back to its portable
// loops elsewhere.
#pragma once

#include <cstdint>

namespace dino::detail {

// Whether the row sums take resample_row_vnni: at SIMD level avx512_vnni (dino/system/simd_level.h).
bool has_vnni_resampling();

// out[j] = clip((half + sum over i of rows[i][j] * weights[i]) >> 22) for j < n, with Pillow's
// 22-bit fixed-point weights and clip to 0..255: exactly the portable loops' bytes.
void resample_row_vnni(const uint8_t* const* rows, const int32_t* weights, int taps, uint8_t* out, int n);

}  // namespace dino::detail
