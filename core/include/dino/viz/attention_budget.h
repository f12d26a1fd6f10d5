// What an attention view will cost before it is computed, and the limits it must keep. The desktop
// explorer and `dino attention` estimate the memory and time of each computation from the model's
// shape and the input size, and past a limit refuse it, naming the largest input that fits. No
// LibTorch or OpenCV in this header: the app's widgets include it.
#pragma once

#include "dino/viz/attention_view.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dino {

// Images larger than this a side are scaled down before anything else (the view's note says so).
constexpr int kLargestAttentionSide = 8192;
// The attention rows formed at once when rollout walks through the layers.
constexpr int64_t kAttentionChunkBytes = int64_t{8} << 20;

struct AttentionModelShape {
  int depth = 12;
  int heads = 6;
  int embed_dim = 384;
  int mlp_hidden_dim = 1536;
  int patch_size = 16;
  int img_size = 224;  // the training crop its position table was made for
};

// The input side that follows the model: the reference's 480 for patch 8 and 16 models trained on
// 224 px crops; otherwise the model's own training crop (a 4-pixel-patch model of 28 px images at
// 480 px would face 14,400 patches, 300 times what it was trained on).
int default_attention_side(const AttentionModelShape& shape);

struct PixelSize {
  int height = 0;
  int width = 0;
};

// The input the model sees for an image of width x height: past kLargestAttentionSide scaled down,
// then torchvision's Resize as image_size asks (one value: the shorter side; two: H W; none: as it
// is), then cropped to whole patches. A side under one patch comes out 0.
PixelSize attention_input_size(int image_width, int image_height, const std::vector<int>& image_size, int patch_size);

struct AttentionCost {
  int64_t tokens = 0;  // the CLS token and the patches
  double bytes = 0;    // peak working memory beyond the weights, float32
  double flops = 0;    // floating-point operations, the model's and the pictures'
};
AttentionCost attention_cost(const AttentionModelShape& shape, PixelSize input, const AttentionRequest& request);

struct AttentionLimits {
  double max_bytes = 0;         // 0: no memory limit
  double max_seconds = 0;       // 0: no time limit
  double flops_per_second = 0;  // the rate time is estimated at; 0: the model's measured rate
  bool default_memory = false;  // max_bytes is default_attention_limits()'s: on a GPU, half of its memory instead
};

// Half the memory the system has available now (4 GiB when it cannot be read; on a GPU, half of the
// card's memory: AttentionModel::estimate) and a minute.
AttentionLimits default_attention_limits();

struct AttentionEstimate {
  PixelSize input;
  AttentionCost cost;
  double seconds = 0;
  bool fits = true;
  std::string why;                // which limit it is over, and by how much, when it does not fit
  std::vector<int> smaller_size;  // the largest image_size that fits, in patch steps; empty when none
  PixelSize smaller_input;
  double smaller_seconds = 0;
};

// The input and cost of `request` on an image of width x height, held against `limits` (whose
// flops_per_second must be set); when it does not fit, the largest smaller input of the same kind
// (square stays square, a shorter side stays a shorter side; the original size becomes a shorter side)
// that does.
AttentionEstimate estimate_attention(const AttentionModelShape& shape, int image_width, int image_height,
                                     const AttentionRequest& request, const AttentionLimits& limits);

// Thrown by a computation its limits refuse; what() says why and what would fit.
class AttentionRefused : public std::runtime_error {
 public:
  explicit AttentionRefused(AttentionEstimate estimate);
  const AttentionEstimate& estimate() const { return estimate_; }

 private:
  AttentionEstimate estimate_;
};

// "480 x 480 px" for a request's image_size ("original size" when it has none).
std::string describe_image_size(const std::vector<int>& image_size);

}  // namespace dino
