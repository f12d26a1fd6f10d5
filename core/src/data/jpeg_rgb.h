// JPEG files straight to 8-bit RGB with libjpeg, the library behind OpenCV's JPEG decoder, with
// the same settings and therefore the same pixels, minus OpenCV's RGB-to-BGR and our BGR-to-RGB
// swaps (a tenth of the augmentation benchmark's time). Private to core's data library.
#pragma once

#include <opencv2/core/mat.hpp>

#include <vector>

namespace dino::detail {

// The decoded image, or an empty Mat when this path does not apply and OpenCV should decode:
// not a JPEG, CMYK or other colour spaces, an EXIF orientation other than 1 (OpenCV rotates), or
// any error libjpeg reports (OpenCV then says what is wrong).
cv::Mat decode_jpeg_rgb(const std::vector<unsigned char>& bytes);

}  // namespace dino::detail
