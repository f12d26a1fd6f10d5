// What the attention explorer asks (AttentionRequest) and what it shows (AttentionView) for one
// image: the prepared input, every head's map of the chosen layer and query, their mean, the
// mass-threshold masks, rollout and a PCA of the patch features, as numbers and as coloured
// pictures; and the figures and files made from views. No LibTorch or OpenCV in this header: the
// app's widgets include it. The model that computes views is api/attention_model.h.
#pragma once

#include "dino/data/rgb_image.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dino {

struct AttentionRequest {
  std::vector<int> image_size{480, 480};  // as --image_size: H W, one value for the shorter side, none to keep
  int layer = -1;                         // -1: the last block
  int query = 0;                          // 0: the CLS token; 1 + k: patch k (row-major)
  double threshold = 0;                   // 0: no masks
  bool rollout = false;
  bool pca = false;
  std::string color_map = "viridis";
  bool shared_scale = false;  // one colour scale for every head (the reference scales each alone)
};

// How a computation of a view reports and stops, both checked between the model's blocks and between
// the chunks of attention rows: `progress` gets the fraction done (0..1) on the computing thread;
// `cancel`, when set and true, ends the computation with AttentionCancelled.
struct AttentionWork {
  std::function<void(double)> progress;
  std::shared_ptr<const std::atomic<bool>> cancel;
  bool cancelled() const { return cancel && cancel->load(); }
};

class AttentionCancelled : public std::runtime_error {
 public:
  AttentionCancelled() : std::runtime_error("the attention computation was cancelled") {}
};

struct AttentionView {
  int grid_h = 0, grid_w = 0, patch_size = 0, heads = 0, layer = 0;
  RgbImage input;                                 // the image the model saw (resized, cropped)
  RgbImage reference_input;                       // img.png: the normalised input min-max rescaled
  std::vector<std::vector<float>> maps;           // per head, grid_h * grid_w, row-major
  std::vector<float> mean;                        // of the heads
  std::vector<std::vector<unsigned char>> masks;  // per head, when a threshold was given
  std::vector<float> rollout;                     // CLS row of the rollout, when asked
  std::vector<RgbImage> head_pictures;            // per head, coloured, at the input's size
  RgbImage mean_picture, rollout_picture, pca_picture;
  std::vector<RgbImage> mask_pictures;  // the reference's red overlays, per head
  RgbImage color_bar;                   // the colour map from low (left) to high, 256 x 1
  float low = 0, high = 0;              // the smallest and largest value over the heads' maps
  std::string note;                     // e.g. "scaled down from 12000 px"
};

// Teacher minus student (or any two views of the same image and request): per head and for the
// mean, blue-white-red pictures at the input's size. Throws std::invalid_argument when the views'
// grids or heads differ.
std::vector<RgbImage> difference_pictures(const AttentionView& a, const AttentionView& b);

// The paper's Figure 3 style: the threshold masks of the chosen heads (all when empty) over the
// input, one colour per head. The view must have masks (a threshold).
RgbImage heads_figure_picture(const AttentionView& view, const std::vector<int>& heads = {});

// The raw maps of a view as .npy (heads x h x w float32), its masks (heads x h x w uint8) and its
// rollout (h x w float32) when it has them: the files of `dino attention --save_raw`. An empty file
// name skips that file. Throws std::runtime_error naming the file.
void write_view_npy(const AttentionView& view, const std::string& attention_file, const std::string& masks_file,
                    const std::string& rollout_file = "");

}  // namespace dino
