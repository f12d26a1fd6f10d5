#include "resample_rows_vnni.h"

#include "pil_fixed_point.h"

#include "dino/system/simd_level.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define DINO_HAVE_VNNI_RESAMPLING 1
// GCC 12 warns inside its own AVX-512 headers (the undefined vectors that masked intrinsics start
// from) wherever they are inlined.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace dino::detail {

#ifdef DINO_HAVE_VNNI_RESAMPLING

namespace {

// Pillow's weights have 22 fractional bits and magnitudes up to about 2^22, too wide for the
// 16-bit multiplies of vpdpwssd. Each is split exactly as w = 256 * (w >> 8) + (w & 255), both
// parts fitting 16 bits, and the two halves are summed apart: 256 * sum(p * high) + sum(p * low)
// is the 32-bit sum the portable loop forms, with no rounding anywhere.
int32_t packed_pair(int32_t a, int32_t b, bool high) {
  const auto half = [high](int32_t w) { return static_cast<uint16_t>(high ? w >> 8 : w & 255); };
  return static_cast<int32_t>(static_cast<uint32_t>(half(b)) << 16 | half(a));
}

}  // namespace

bool has_vnni_resampling() { return simd_level() == SimdLevel::avx512_vnni; }

// pil_clip8 of 16 sums from their two halves: add half, drop 22 bits, clamp to 0..255 (negative
// to 0 here, past 255 by the saturating narrowing).
__attribute__((target("avx512f,avx512bw"))) inline __m128i clip16(__m512i high, __m512i low) {
  const __m512i sum = _mm512_add_epi32(_mm512_add_epi32(_mm512_slli_epi32(high, 8), low), _mm512_set1_epi32(kPilHalf));
  return _mm512_cvtusepi32_epi8(_mm512_max_epi32(_mm512_srai_epi32(sum, kPilPrecisionBits), _mm512_setzero_si512()));
}

// 32 values at a time, the taps taken in pairs: the two rows' bytes interleaved and widened to 16
// bits, then one vpdpwssd per half and per 16 values adds both taps' products to sums kept in
// registers across all the taps.
__attribute__((target("avx512f,avx512bw,avx512vnni"))) void resample_row_vnni(const uint8_t* const* rows,
                                                                            const int32_t* weights, int taps,
                                                                            uint8_t* out, int n) {
  const int pairs = (taps + 1) / 2;
  thread_local std::vector<int32_t> packed;
  packed.resize(2 * static_cast<size_t>(pairs));
  bool halves_fit = true;  // |w| < 2^23, so that w >> 8 fits 16 bits: Pillow's weights are below about 2^22
  for (int p = 0; p < pairs; ++p) {
    const int32_t a = weights[2 * p], b = 2 * p + 1 < taps ? weights[2 * p + 1] : 0;  // an odd tap pairs with 0
    halves_fit = halves_fit && std::max(std::abs(a), std::abs(b)) < (1 << 23);
    packed[2 * static_cast<size_t>(p)] = packed_pair(a, b, true);
    packed[2 * static_cast<size_t>(p) + 1] = packed_pair(a, b, false);
  }
  const __m512i zero = _mm512_setzero_si512();
  int j = 0;
  for (; halves_fit && j + 32 <= n; j += 32) {
    // Unpacking works within 128-bit lanes: `lower` holds values 0-7 and 16-23, `upper` 8-15 and 24-31.
    __m512i lower_high = zero, lower_low = zero, upper_high = zero, upper_low = zero;
    for (int p = 0; p < pairs; ++p) {
      const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(rows[2 * p] + j));
      const __m256i b = 2 * p + 1 < taps ? _mm256_loadu_si256(reinterpret_cast<const __m256i*>(rows[2 * p + 1] + j)) : a;
      const __m512i lower = _mm512_cvtepu8_epi16(_mm256_unpacklo_epi8(a, b));
      const __m512i upper = _mm512_cvtepu8_epi16(_mm256_unpackhi_epi8(a, b));
      const __m512i high_weights = _mm512_set1_epi32(packed[2 * static_cast<size_t>(p)]);
      const __m512i low_weights = _mm512_set1_epi32(packed[2 * static_cast<size_t>(p) + 1]);
      lower_high = _mm512_dpwssd_epi32(lower_high, lower, high_weights);
      lower_low = _mm512_dpwssd_epi32(lower_low, lower, low_weights);
      upper_high = _mm512_dpwssd_epi32(upper_high, upper, high_weights);
      upper_low = _mm512_dpwssd_epi32(upper_low, upper, low_weights);
    }
    const __m128i lower_bytes = clip16(lower_high, lower_low), upper_bytes = clip16(upper_high, upper_low);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + j), _mm_unpacklo_epi64(lower_bytes, upper_bytes));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + j + 16), _mm_unpackhi_epi64(lower_bytes, upper_bytes));
  }
  for (; j < n; ++j) {
    int32_t sum = kPilHalf;
    for (int i = 0; i < taps; ++i) sum += rows[i][j] * weights[i];
    out[j] = pil_clip8(sum);
  }
}

#else

bool has_vnni_resampling() { return false; }

void resample_row_vnni(const uint8_t* const*, const int32_t*, int, uint8_t*, int) {}

#endif

}  // namespace dino::detail
