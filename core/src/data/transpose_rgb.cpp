#include "transpose_rgb.h"

#include "dino/system/simd_level.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <cstring>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define DINO_HAVE_SSSE3_TRANSPOSE 1
#endif

namespace dino::detail {
namespace {

#ifdef DINO_HAVE_SSSE3_TRANSPOSE

// Twelve bytes (four pixels) in and out of the low part of a register, never touching the bytes
// after them: the last pixels of an image end its buffer.
__attribute__((target("ssse3"))) inline __m128i load12(const uint8_t* p) {
  int32_t tail;
  std::memcpy(&tail, p + 8, 4);
  return _mm_unpacklo_epi64(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)), _mm_cvtsi32_si128(tail));
}

__attribute__((target("ssse3"))) inline void store12(uint8_t* p, __m128i v) {
  _mm_storel_epi64(reinterpret_cast<__m128i*>(p), v);
  const int32_t tail = _mm_cvtsi128_si32(_mm_srli_si128(v, 8));
  std::memcpy(p + 8, &tail, 4);
}

// 4 x 4 blocks: each row of four 3-byte pixels is widened to four 32-bit lanes, the 4 x 4 block
// of lanes transposed with unpacks, and each row packed back to 3 bytes per pixel. OpenCV's
// transpose moves 3-byte elements one at a time (a 16-bit and an 8-bit load and store each).
__attribute__((target("ssse3"))) void transpose_rgb_ssse3(const cv::Mat& in, cv::Mat& out) {
  const __m128i widen = _mm_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
  const __m128i narrow = _mm_setr_epi8(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1);
  const int rows = in.rows, cols = in.cols;
  const int block_rows = rows / 4 * 4, block_cols = cols / 4 * 4;
  for (int y = 0; y < block_rows; y += 4) {
    const uint8_t* r0 = in.ptr<uint8_t>(y);
    const uint8_t* r1 = in.ptr<uint8_t>(y + 1);
    const uint8_t* r2 = in.ptr<uint8_t>(y + 2);
    const uint8_t* r3 = in.ptr<uint8_t>(y + 3);
    for (int x = 0; x < block_cols; x += 4) {
      const __m128i a = _mm_shuffle_epi8(load12(r0 + 3 * x), widen);
      const __m128i b = _mm_shuffle_epi8(load12(r1 + 3 * x), widen);
      const __m128i c = _mm_shuffle_epi8(load12(r2 + 3 * x), widen);
      const __m128i d = _mm_shuffle_epi8(load12(r3 + 3 * x), widen);
      const __m128i ab_low = _mm_unpacklo_epi32(a, b), ab_high = _mm_unpackhi_epi32(a, b);
      const __m128i cd_low = _mm_unpacklo_epi32(c, d), cd_high = _mm_unpackhi_epi32(c, d);
      store12(out.ptr<uint8_t>(x) + 3 * y, _mm_shuffle_epi8(_mm_unpacklo_epi64(ab_low, cd_low), narrow));
      store12(out.ptr<uint8_t>(x + 1) + 3 * y, _mm_shuffle_epi8(_mm_unpackhi_epi64(ab_low, cd_low), narrow));
      store12(out.ptr<uint8_t>(x + 2) + 3 * y, _mm_shuffle_epi8(_mm_unpacklo_epi64(ab_high, cd_high), narrow));
      store12(out.ptr<uint8_t>(x + 3) + 3 * y, _mm_shuffle_epi8(_mm_unpackhi_epi64(ab_high, cd_high), narrow));
    }
  }
  // The columns and rows left over from the blocks, a pixel at a time.
  auto copy_pixel = [&](int y, int x) { std::memcpy(out.ptr<uint8_t>(x) + 3 * y, in.ptr<uint8_t>(y) + 3 * x, 3); };
  for (int y = 0; y < block_rows; ++y)
    for (int x = block_cols; x < cols; ++x) copy_pixel(y, x);
  for (int y = block_rows; y < rows; ++y)
    for (int x = 0; x < cols; ++x) copy_pixel(y, x);
}

#endif

}  // namespace

void transpose_rgb(const cv::Mat& in, cv::Mat& out) {
#ifdef DINO_HAVE_SSSE3_TRANSPOSE
  if (in.type() == CV_8UC3 && out.type() == CV_8UC3 && out.rows == in.cols && out.cols == in.rows &&
      out.data != in.data && simd_level() >= SimdLevel::avx2) {
    transpose_rgb_ssse3(in, out);
    return;
  }
#endif
  cv::transpose(in, out);
}

}  // namespace dino::detail
