#include "dino/api/attention_model.h"

#include "dino/data/eval_transform.h"
#include "dino/data/image_file.h"
#include "dino/io/pretrained_backbone.h"
#include "dino/system/device.h"
#include "dino/system/device_info.h"
#include "dino/viz/attention_images.h"
#include "dino/viz/attention_maps.h"
#include "dino/viz/attention_pass.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <atomic>
#include <chrono>
#include <mutex>

namespace dino {
namespace {

// Computations below this are dominated by fixed costs and would understate the rate.
constexpr double kFlopsWorthMeasuring = 1e9;

std::vector<float> to_vector(const torch::Tensor& t) {
  const auto c = t.to(torch::kFloat).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace

struct AttentionModel::State {
  VisionTransformer model{nullptr};
  VitConfig config;
  std::string description;
  c10::Device device = c10::kCPU;
  mutable std::mutex mutex;  // one forward at a time: LibTorch modules are not re-entrant under eval hooks
  mutable std::atomic<double> flops_per_second{0};  // measured on the last large computation
};

AttentionModel::AttentionModel(std::unique_ptr<State> state) : state_(std::move(state)) { state_->model->eval(); }

AttentionModel::~AttentionModel() = default;

std::shared_ptr<AttentionModel> AttentionModel::from_weights(const std::string& path, const std::string& checkpoint_key,
                                                             const std::string& arch, int patch_size) {
  auto state = std::make_unique<State>();
  io::PretrainedBackbone backbone;
  try {
    backbone = io::load_pretrained_backbone(path, checkpoint_key, arch, patch_size);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(e.what());
  }
  state->model = backbone.model;
  state->config = backbone.config;
  state->description = backbone.description;
  return std::shared_ptr<AttentionModel>(new AttentionModel(std::move(state)));
}

std::shared_ptr<AttentionModel> AttentionModel::random(const std::string& arch, int patch_size) {
  auto preset = vit_preset(arch, patch_size);
  if (!preset) throw std::runtime_error("arch " + arch + ": not one of vit_tiny, vit_small, vit_base");
  auto state = std::make_unique<State>();
  state->config = *preset;
  state->model = VisionTransformer(*preset);
  state->description = "random weights, " + arch + "/" + std::to_string(patch_size);
  return std::shared_ptr<AttentionModel>(new AttentionModel(std::move(state)));
}

void AttentionModel::set_device(const std::string& device) {
  const c10::Device parsed = parse_device(device);
  std::lock_guard lock(state_->mutex);
  state_->model->to(parsed);
  state_->device = parsed;
  state_->flops_per_second = 0;  // another device, another rate
}

std::string AttentionModel::description() const { return state_->description; }
std::string AttentionModel::arch() const { return vit_arch_name(state_->config); }
int AttentionModel::depth() const { return static_cast<int>(state_->config.depth); }
int AttentionModel::heads() const { return static_cast<int>(state_->config.num_heads); }
int AttentionModel::patch_size() const { return static_cast<int>(state_->config.patch_size); }

AttentionModelShape AttentionModel::shape() const {
  const VitConfig& c = state_->config;
  return {static_cast<int>(c.depth),      static_cast<int>(c.num_heads),
          static_cast<int>(c.embed_dim),  static_cast<int>(c.mlp_hidden_dim()),
          static_cast<int>(c.patch_size), static_cast<int>(c.img_size)};
}

std::vector<int> AttentionModel::default_image_size() const {
  const int side = default_attention_side(shape());
  return {side, side};
}

AttentionEstimate AttentionModel::estimate(int image_width, int image_height, const AttentionRequest& request,
                                           AttentionLimits limits) const {
  if (limits.flops_per_second <= 0) limits.flops_per_second = state_->flops_per_second;
  if (state_->device.is_cuda() && limits.default_memory) {  // the tensors live on the GPU: half of its memory
    const int64_t device_bytes = device_info(state_->device).memory_bytes;
    if (device_bytes > 0) limits.max_bytes = static_cast<double>(device_bytes) / 2;
  }
  if (limits.flops_per_second <= 0)
    limits.flops_per_second = state_->device.is_cuda() ? 1e12 : 2e10 * std::max(1, at::get_num_threads());
  return estimate_attention(shape(), image_width, image_height, request, limits);
}

AttentionView AttentionModel::compute(const std::string& image_file, const AttentionRequest& request,
                                      const AttentionLimits& limits, const AttentionWork& work) const {
  const cv::Mat rgb = read_rgb_image(image_file);
  try {
    return compute(to_rgb_image(rgb), request, limits, work);
  } catch (const AttentionCancelled&) {
    throw;
  } catch (const AttentionRefused&) {
    throw;  // the caller names the image beside the limits' own message
  } catch (const std::exception& e) {
    throw std::runtime_error(image_file + ": " + e.what());
  }
}

AttentionView AttentionModel::compute(const RgbImage& image, const AttentionRequest& request,
                                      const AttentionLimits& limits, const AttentionWork& work) const {
  if (image.width <= 0 || image.height <= 0) throw std::runtime_error("the image is empty");
  const int depth = this->depth();
  const int layer = request.layer < 0 ? depth + request.layer : request.layer;
  if (layer < 0 || layer >= depth)
    throw std::runtime_error("layer " + std::to_string(request.layer) + " is outside the model's " +
                             std::to_string(depth) + " blocks");
  const AttentionEstimate cost = estimate(image.width, image.height, request, limits);
  if (!cost.fits) throw AttentionRefused(cost);

  cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<unsigned char*>(image.rgb.data()));
  AttentionView view;
  if (std::max(rgb.cols, rgb.rows) > kLargestAttentionSide) {
    const double factor = static_cast<double>(kLargestAttentionSide) / std::max(rgb.cols, rgb.rows);
    view.note = "scaled down from " + std::to_string(rgb.cols) + "x" + std::to_string(rgb.rows) + " px first";
    cv::resize(rgb, rgb, cv::Size(), factor, factor, cv::INTER_AREA);
  }
  const int patch = patch_size();
  cv::Mat prepared;
  try {
    prepared =
        crop_to_patch_multiple(resize_like_torchvision(rgb, request.image_size, PilFilter::Bilinear), patch).clone();
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(e.what());
  }
  view.grid_h = prepared.rows / patch;
  view.grid_w = prepared.cols / patch;
  view.patch_size = patch;
  view.layer = layer;
  if (request.query < 0 || request.query > view.grid_h * view.grid_w)
    throw std::runtime_error("query patch " + std::to_string(request.query - 1) + " is outside the image's " +
                             std::to_string(view.grid_h) + " x " + std::to_string(view.grid_w) + " patches");
  const auto input = rgb_to_normalized_tensor(prepared);
  const ColorMap color_map = parse_color_map(request.color_map);

  AttentionPassResult pass;
  std::chrono::steady_clock::time_point started;
  {
    std::lock_guard lock(state_->mutex);
    started = std::chrono::steady_clock::now();  // the rate is the work's, not the wait for the model
    pass = attention_pass(*state_->model, input.to(state_->device),
                          {layer, request.query, request.rollout, request.pca}, work);
  }
  const auto maps = patch_maps(pass.query_rows, view.grid_h, view.grid_w);
  auto check = [&work] {
    if (work.cancelled()) throw AttentionCancelled();
  };
  view.heads = static_cast<int>(maps.size(0));
  view.input = to_rgb_image(prepared);
  const cv::Mat shown = normalized_input_image(input[0]);
  view.reference_input = to_rgb_image(shown);
  const auto mean = maps.mean(0);
  const double low = request.shared_scale ? maps.min().item<double>() : NAN;
  const double high = request.shared_scale ? maps.max().item<double>() : NAN;
  for (int64_t j = 0; j < maps.size(0); ++j) {
    check();
    view.maps.push_back(to_vector(maps[j]));
    view.head_pictures.push_back(to_rgb_image(colorize_map(maps[j], color_map, patch, low, high)));
  }
  view.low = maps.min().item<float>();
  view.high = maps.max().item<float>();
  view.color_bar = to_rgb_image(colorize_map(torch::linspace(0, 1, 256).view({1, 256}), color_map, 1, 0, 1));
  view.mean = to_vector(mean);
  view.mean_picture = to_rgb_image(colorize_map(mean, color_map, patch));
  if (request.threshold > 0) {
    const auto masks = mass_threshold_masks(maps, request.threshold);
    for (int64_t j = 0; j < masks.size(0); ++j) {
      check();
      const auto m = masks[j].contiguous();
      view.masks.emplace_back(m.data_ptr<uint8_t>(), m.data_ptr<uint8_t>() + m.numel());
      view.mask_pictures.push_back(to_rgb_image(mask_overlay(shown, upsample_nearest(masks[j], patch))));
    }
  }
  if (request.rollout) {
    const auto cls = pass.rollout.slice(0, 1).reshape({view.grid_h, view.grid_w});
    view.rollout = to_vector(cls);
    view.rollout_picture = to_rgb_image(colorize_map(cls, color_map, patch));
  }
  if (request.pca) {
    const auto colours = patch_feature_pca(pass.patch_tokens, view.grid_h, view.grid_w);  // (3, h, w) in [0, 1]
    const auto bytes = colours.mul(255).round().clamp(0, 255).to(torch::kUInt8).permute({1, 2, 0}).contiguous();
    cv::Mat small(view.grid_h, view.grid_w, CV_8UC3, bytes.data_ptr());
    cv::Mat big;
    cv::resize(small, big, cv::Size(view.grid_w * patch, view.grid_h * patch), 0, 0, cv::INTER_NEAREST);
    view.pca_picture = to_rgb_image(big);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (cost.cost.flops >= kFlopsWorthMeasuring && seconds > 0) state_->flops_per_second = cost.cost.flops / seconds;
  return view;
}

}  // namespace dino
