// Transposing 8-bit RGB images, which the resampling and the blur do twice per crop to run their
// horizontal passes over contiguous memory. Private to core's data library.
#pragma once

#include <opencv2/core/mat.hpp>

namespace dino::detail {

// out = in transposed. `out` must already be in.cols x in.rows of in's type and not share in's
// memory. 8-bit RGB takes a 4 x 4 block SSSE3 path from SIMD level avx2 on (dino/system/simd_level.h;
// the baseline level is the x86-64 of CPUs without SSSE3); anything else is cv::transpose.
void transpose_rgb(const cv::Mat& in, cv::Mat& out);

}  // namespace dino::detail
