#include "dino/viz/attention_view.h"

#include "dino/io/npy_writer.h"
#include "dino/viz/attention_images.h"

#include <torch/torch.h>

#include <cstring>

namespace dino {
namespace {

torch::Tensor maps_tensor(const AttentionView& view) {
  auto maps = torch::empty({view.heads, view.grid_h, view.grid_w});
  for (int j = 0; j < view.heads; ++j)
    std::memcpy(maps[j].data_ptr<float>(), view.maps[static_cast<size_t>(j)].data(), view.maps[static_cast<size_t>(j)].size() * sizeof(float));
  return maps;
}

}  // namespace

std::vector<RgbImage> difference_pictures(const AttentionView& a, const AttentionView& b) {
  if (a.heads != b.heads || a.grid_h != b.grid_h || a.grid_w != b.grid_w)
    throw std::invalid_argument("the two views differ in heads or grid: " + std::to_string(a.heads) + " heads on " +
                                std::to_string(a.grid_h) + "x" + std::to_string(a.grid_w) + " against " +
                                std::to_string(b.heads) + " on " + std::to_string(b.grid_h) + "x" + std::to_string(b.grid_w));
  const auto difference = maps_tensor(a) - maps_tensor(b);
  std::vector<RgbImage> pictures;
  for (int j = 0; j < a.heads; ++j) pictures.push_back(to_rgb_image(colorize_difference(difference[j], a.patch_size)));
  pictures.push_back(to_rgb_image(colorize_difference(difference.mean(0), a.patch_size)));
  return pictures;
}

RgbImage heads_figure_picture(const AttentionView& view, const std::vector<int>& heads) {
  if (view.masks.empty()) throw std::invalid_argument("the Figure 3 style needs masks: set a threshold");
  std::vector<int> chosen = heads;
  if (chosen.empty())
    for (int j = 0; j < view.heads; ++j) chosen.push_back(j);
  std::vector<cv::Mat> masks;
  for (int j : chosen) {
    if (j < 0 || j >= view.heads) throw std::invalid_argument("head " + std::to_string(j) + " is not one of the view's " + std::to_string(view.heads));
    auto m = torch::empty({view.grid_h, view.grid_w}, torch::kUInt8);
    std::memcpy(m.data_ptr<uint8_t>(), view.masks[static_cast<size_t>(j)].data(), view.masks[static_cast<size_t>(j)].size());
    masks.push_back(upsample_nearest(m, view.patch_size));
  }
  return to_rgb_image(heads_figure(to_mat(view.input), masks));
}

void write_view_npy(const AttentionView& view, const std::string& attention_file, const std::string& masks_file,
                    const std::string& rollout_file) {
  io::write_npy(attention_file, maps_tensor(view));
  if (!view.rollout.empty() && !rollout_file.empty())
    io::write_npy(rollout_file, torch::from_blob(const_cast<float*>(view.rollout.data()), {view.grid_h, view.grid_w}).clone());
  if (view.masks.empty() || masks_file.empty()) return;
  auto masks = torch::empty({view.heads, view.grid_h, view.grid_w}, torch::kUInt8);
  for (int j = 0; j < view.heads; ++j)
    std::memcpy(masks[j].data_ptr<uint8_t>(), view.masks[static_cast<size_t>(j)].data(), view.masks[static_cast<size_t>(j)].size());
  io::write_npy(masks_file, masks);
}

}  // namespace dino
