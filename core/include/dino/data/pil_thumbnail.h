// Pillow's Image.reduce and Image.thumbnail, as eval_image_retrieval.py shrinks its images
// (`img.thumbnail((imsize, imsize), Image.ANTIALIAS)` on a loaded image; reference.md §5.3).
#pragma once

#include "dino/data/pil_resample.h"

#include <opencv2/core/mat.hpp>

namespace dino {

// Image.reduce((factor_x, factor_y)): each output pixel the mean of a factor_x x factor_y block,
// the last column and row over the pixels their block has, rounded with Pillow's fixed-point
// reciprocal. 8-bit images of 1 or 3 channels; throws std::invalid_argument for factors below 1.
cv::Mat pil_reduce(const cv::Mat& image, int factor_x, int factor_y);

// The size Image.thumbnail((max_width, max_height)) gives: the aspect ratio kept as Pillow rounds
// it, at least 1 x 1; the image's own size when it already fits (thumbnails never enlarge).
cv::Size pil_thumbnail_size(cv::Size image, int max_width, int max_height);

// Image.thumbnail on a loaded image (no JPEG draft): Image.resize to pil_thumbnail_size with
// reducing_gap 2, which first reduces by whole factors while the image is over twice the size.
cv::Mat pil_thumbnail(const cv::Mat& image, int max_width, int max_height, PilFilter filter = PilFilter::Lanczos);

}  // namespace dino
