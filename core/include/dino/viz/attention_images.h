// Attention maps as pictures, the way visualize_attention.py draws them (reference.md §4.1 step 8):
// per-image min/max scaling through a colour map, nearest upsampling to pixels, the reference's
// mask overlay (alpha 0.5, pure red) with contours. Images are 8-bit RGB cv::Mat.
#pragma once

#include <ATen/core/Tensor.h>
#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <string>

namespace dino {

enum class ColorMap { Viridis, Inferno, Magma, Jet, Gray };
ColorMap parse_color_map(const std::string& name);  // throws std::invalid_argument naming the choices

// A (h, w) map as RGB: min to max over the map, 256 colours indexed as matplotlib does
// (floor(x * 256), the top value clamped to 255). `scale` > 1 repeats each value scale x scale.
cv::Mat colorize_map(const at::Tensor& map, ColorMap color_map = ColorMap::Viridis, int scale = 1,
                     double vmin = NAN, double vmax = NAN);

// A signed (h, w) map (a difference) as RGB: blue below 0, white at 0, red above, symmetric
// around 0 at the largest magnitude. `scale` > 1 repeats each value scale x scale.
cv::Mat colorize_difference(const at::Tensor& map, int scale = 1);

// The paper's Figure 3: the masks of chosen heads over the image, one colour per head (alpha
// 0.5), each with its contour. masks: (k, h, w) uint8 at the image's resolution.
cv::Mat heads_figure(const cv::Mat& rgb, const std::vector<cv::Mat>& masks);

// img.png: the normalised input (3, H, W) min-max rescaled to [0, 255] with rounding.
cv::Mat normalized_input_image(const at::Tensor& image_chw);

// display_instances: rgb * (1 - alpha m) + alpha m colour, then the mask's contours in the colour.
// mask: (h, w) uint8 0/1 at the image's resolution.
cv::Mat mask_overlay(const cv::Mat& rgb, const cv::Mat& mask, const cv::Scalar& rgb_colour = cv::Scalar(255, 0, 0),
                     double alpha = 0.5, bool contours = true);

// A (h, w) tensor upsampled by `scale` with nearest neighbours, as a cv::Mat of the same type.
cv::Mat upsample_nearest(const at::Tensor& map, int scale);

// PNG written so that it appears complete or not at all; throws std::runtime_error naming the file.
void write_png(const std::filesystem::path& file, const cv::Mat& rgb);

}  // namespace dino
