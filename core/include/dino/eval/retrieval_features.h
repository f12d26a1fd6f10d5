// Image retrieval on frozen features as eval_image_retrieval.py computes it (reference.md §5.3):
// each image shrunk by Pillow's thumbnail, one CLS feature per image (or the multi-scale mean),
// and the database ranked by cosine similarity for each query.
#pragma once

#include "dino/model/vision_transformer.h"

#include <opencv2/core/mat.hpp>

#include <array>
#include <optional>
#include <vector>

namespace dino {

// The query's box (x1, y1, x2, y2, rounded half to even as Image.crop rounds; what lies outside the
// image black, as Image.crop fills it): the revisited protocol's query crop, which
// eval_image_retrieval.py leaves out. Throws std::invalid_argument for an empty box or one wholly
// outside the image.
cv::Mat crop_query_box(const cv::Mat& rgb, const std::array<double, 4>& box);

// Image.thumbnail((imsize, imsize), LANCZOS), ToTensor and Normalize: a (1, 3, h, w) tensor.
torch::Tensor retrieval_input(const cv::Mat& rgb, int imsize);

// The backbone's CLS feature of one input (1-D, on the CPU). With `multiscale`, utils.multi_scale:
// the features of the input and of its bilinear rescalings by 1/sqrt(2) and 1/2 (align_corners
// false), averaged and divided by their norm. The backbone must be in eval mode.
torch::Tensor retrieval_feature(VisionTransformer& backbone, const torch::Tensor& input, bool multiscale);

// For each query, the database indices from the most to the least cosine-similar (rows are
// L2-normalised here).
std::vector<std::vector<int64_t>> rank_by_similarity(const torch::Tensor& database, const torch::Tensor& queries);

}  // namespace dino
