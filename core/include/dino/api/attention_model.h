// The attention explorer's model, for the desktop app and `dino attention`: a ViT from a weights
// file, a checkpoint or random weights, computing an AttentionView (viz/attention_view.h) of one
// image. No LibTorch or OpenCV in this header.
#pragma once

#include "dino/data/rgb_image.h"
#include "dino/viz/attention_budget.h"
#include "dino/viz/attention_view.h"

#include <memory>
#include <string>
#include <vector>

namespace dino {

class AttentionModel {
 public:
  // Throws std::runtime_error naming the file and keys when the weights do not fit.
  static std::shared_ptr<AttentionModel> from_weights(const std::string& path,
                                                      const std::string& checkpoint_key = "teacher",
                                                      const std::string& arch = "", int patch_size = 0);
  static std::shared_ptr<AttentionModel> random(const std::string& arch = "vit_small", int patch_size = 16);
  ~AttentionModel();

  // "auto", "cpu", "cuda", "cuda:N"; throws std::invalid_argument naming --device otherwise.
  void set_device(const std::string& device);
  std::string description() const;  // "vit_small/16 from FILE (N tensors)"
  int depth() const;
  int heads() const;
  int patch_size() const;
  std::string arch() const;  // vit_tiny, vit_small, vit_base or custom

  AttentionModelShape shape() const;
  // The input size that follows the model (default_attention_side), square, as image_size.
  std::vector<int> default_image_size() const;

  // The cost of `request` on an image of width x height, held against `limits`; a rate of 0 there
  // takes the rate this model's last large computation ran at, or before one an assumed rate (20
  // GFLOP/s per CPU thread, 1 TFLOP/s on a GPU).
  AttentionEstimate estimate(int image_width, int image_height, const AttentionRequest& request,
                             AttentionLimits limits) const;

  // Thread-safe. Throws std::runtime_error naming the file for images that cannot be read or are
  // smaller than one patch, AttentionRefused when the estimate is over `limits` (the default has
  // none), AttentionCancelled when `work` is cancelled; images over 8192 px a side are scaled down
  // (see AttentionView::note).
  AttentionView compute(const std::string& image_file, const AttentionRequest& request,
                        const AttentionLimits& limits = {}, const AttentionWork& work = {}) const;
  AttentionView compute(const RgbImage& image, const AttentionRequest& request, const AttentionLimits& limits = {},
                        const AttentionWork& work = {}) const;

 private:
  struct State;
  explicit AttentionModel(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace dino
