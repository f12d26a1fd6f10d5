#include "dino/eval/retrieval_features.h"

#include "dino/data/image_file.h"
#include "dino/data/pil_thumbnail.h"

#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

namespace dino {

cv::Mat crop_query_box(const cv::Mat& rgb, const std::array<double, 4>& box) {
  // Python's round(): half to even, which std::nearbyint does in the default rounding mode.
  const int x0 = static_cast<int>(std::nearbyint(box[0])), y0 = static_cast<int>(std::nearbyint(box[1]));
  const int x1 = static_cast<int>(std::nearbyint(box[2])), y1 = static_cast<int>(std::nearbyint(box[3]));
  if (x1 <= x0 || y1 <= y0) throw std::invalid_argument("the query box is empty");
  const cv::Rect inside = cv::Rect(x0, y0, x1 - x0, y1 - y0) & cv::Rect(0, 0, rgb.cols, rgb.rows);
  if (inside.empty()) throw std::invalid_argument("the query box lies outside the image");
  // Image.crop fills what lies outside the image with black.
  cv::Mat crop(y1 - y0, x1 - x0, rgb.type(), cv::Scalar::all(0));
  rgb(inside).copyTo(crop(cv::Rect(inside.x - x0, inside.y - y0, inside.width, inside.height)));
  return crop;
}

torch::Tensor retrieval_input(const cv::Mat& rgb, int imsize) {
  return rgb_to_normalized_tensor(pil_thumbnail(rgb, imsize, imsize, PilFilter::Lanczos));
}

torch::Tensor retrieval_feature(VisionTransformer& backbone, const torch::Tensor& input, bool multiscale) {
  torch::NoGradGuard no_grad;
  const auto device = backbone->parameters().front().device();
  const auto x = input.to(device);
  if (!multiscale) return backbone->forward(x)[0].to(torch::kCPU).to(torch::kFloat);
  namespace F = torch::nn::functional;
  torch::Tensor sum;
  for (double scale : {1.0, 1.0 / std::pow(2.0, 0.5), 0.5}) {
    const auto scaled = scale == 1.0 ? x
                                     : F::interpolate(x, F::InterpolateFuncOptions()
                                                             .scale_factor(std::vector<double>{scale, scale})
                                                             .mode(torch::kBilinear)
                                                             .align_corners(false)
                                                             .recompute_scale_factor(false));
    const auto feature = backbone->forward(scaled);
    sum = sum.defined() ? sum + feature : feature;
  }
  sum = sum / 3;
  sum = sum / sum.norm();
  return sum[0].to(torch::kCPU).to(torch::kFloat);
}

std::vector<std::vector<int64_t>> rank_by_similarity(const torch::Tensor& database, const torch::Tensor& queries) {
  namespace F = torch::nn::functional;
  const auto db = F::normalize(database, F::NormalizeFuncOptions().dim(1));
  const auto q = F::normalize(queries, F::NormalizeFuncOptions().dim(1));
  const torch::Tensor order = torch::argsort(-torch::mm(q, db.t()), /*dim=*/int64_t{1}, /*descending=*/false)
                                  .contiguous();  // (queries, database)
  std::vector<std::vector<int64_t>> ranks(static_cast<size_t>(order.size(0)));
  for (int64_t i = 0; i < order.size(0); ++i) {
    const torch::Tensor row_tensor = order[i];
    const int64_t* row = row_tensor.data_ptr<int64_t>();
    ranks[static_cast<size_t>(i)].assign(row, row + order.size(1));
  }
  return ranks;
}

}  // namespace dino
