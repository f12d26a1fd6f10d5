// Image resampling with Pillow's semantics (Image.resize, reference.md §1.3 and §10 item 18).
//
// Why not cv::resize: OpenCV's INTER_CUBIC uses the Keys kernel with a = -0.75 and, like its
// INTER_LINEAR, never widens the kernel when shrinking, so it aliases where Pillow blurs; its
// INTER_AREA is a box filter. Pillow widens the kernel by the shrink factor (antialiasing), uses
// a = -0.5 for bicubic, and rounds each of its two separable passes to 8 bits with 22-bit
// fixed-point weights. This file reproduces that arithmetic.
#pragma once

#include <opencv2/core/mat.hpp>

namespace dino {

// Lanczos is Image.LANCZOS (once Image.ANTIALIAS): a sinc windowed by a sinc over 3 pixels.
enum class PilFilter { Bilinear, Bicubic, Lanczos };

// Resizes an 8-bit image (1 or 3 channels, any size) to out_width x out_height. `box` selects the
// source region (x, y, width, height) in input pixels, as Image.resize(size, box=...) does; the
// default is the whole image. Throws std::invalid_argument for empty sizes.
cv::Mat pil_resize(const cv::Mat& image, int out_width, int out_height, PilFilter filter,
                   cv::Rect2d box = cv::Rect2d(0, 0, -1, -1));

}  // namespace dino
