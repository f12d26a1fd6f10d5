// Pillow's 8-bit image operations as torchvision's PIL path applies them in DINO's augmentation
// (reference.md §1.3): colour jitter, grayscale, Gaussian blur, solarisation. Each works in place on an
// 8-bit RGB cv::Mat and re-quantises to 8 bits after every operation, as Pillow does.
//
// Why not OpenCV: cv::cvtColor's gray uses other weights and rounding; cv::GaussianBlur is an
// exact Gaussian kernel, Pillow's is three extended box blurs; Pillow's blend truncates where
// cv::addWeighted rounds; its HSV has other ranges (H in 0..255) and integer rounding.
#pragma once

#include <opencv2/core/mat.hpp>

namespace dino {

// ImageEnhance.Brightness: blend with black.
void pil_adjust_brightness(cv::Mat& rgb, double factor);
// ImageEnhance.Contrast: blend with a grey image at the rounded mean of the L image.
void pil_adjust_contrast(cv::Mat& rgb, double factor);
// ImageEnhance.Color: blend with the L image.
void pil_adjust_saturation(cv::Mat& rgb, double factor);
// torchvision's adjust_hue on PIL: H of Pillow's HSV shifted by uint8(hue_factor * 255), wrapping.
void pil_adjust_hue(cv::Mat& rgb, double hue_factor);
// convert('L') (ITU-R 601-2 luma in 16-bit fixed point), replicated to the 3 channels.
void pil_grayscale(cv::Mat& rgb);
// ImageFilter.GaussianBlur(radius): three extended box blurs per axis approximating a Gaussian
// whose standard deviation is `radius`.
void pil_gaussian_blur(cv::Mat& rgb, double radius);
// ImageOps.solarize: values >= threshold become 255 - value.
void pil_solarize(cv::Mat& rgb, int threshold = 128);

// Image.blend(a, b, alpha) on 8-bit data: a + alpha (b - a) in single precision, truncated, and
// clipped to 0..255 when alpha lies outside [0, 1].
void pil_blend(const cv::Mat& a, cv::Mat& b_to_out, double alpha);
// The L value of one RGB pixel.
inline uint8_t pil_luma(uint8_t r, uint8_t g, uint8_t b) {
  return static_cast<uint8_t>((r * 19595u + g * 38470u + b * 7471u + 0x8000u) >> 16);
}

}  // namespace dino
