#include "dino/viz/attention_budget.h"

#include "dino/log/human_readable.h"
#include "dino/system/host_memory.h"

#include <algorithm>
#include <cmath>

namespace dino {
namespace {

constexpr double kFloat = 4;  // bytes

// Blocks whose full forward the request needs: all of them for rollout (every block's input) and
// PCA (the last block's output), otherwise those before the chosen layer and that layer's queries.
int blocks_run(const AttentionModelShape& shape, const AttentionRequest& request) {
  if (request.rollout || request.pca) return shape.depth;
  const int layer = request.layer < 0 ? shape.depth + request.layer : request.layer;
  return std::clamp(layer + 1, 1, shape.depth);
}

std::string seconds_text(double seconds) {
  return seconds < 1 ? std::string("under a second") : log::approximate_duration(seconds);
}

// image_size scaled to a shorter side of `side` px, of the request's kind.
std::vector<int> with_shorter_side(const std::vector<int>& image_size, int side) {
  if (image_size.size() == 2) {
    const int shorter = std::min(image_size[0], image_size[1]);
    return {std::max(1, static_cast<int>(static_cast<int64_t>(image_size[0]) * side / shorter)),
            std::max(1, static_cast<int>(static_cast<int64_t>(image_size[1]) * side / shorter))};
  }
  return {side};
}

}  // namespace

int default_attention_side(const AttentionModelShape& shape) {
  if ((shape.patch_size == 8 || shape.patch_size == 16) && shape.img_size == 224) return 480;  // reference.md §4.1
  return shape.img_size;
}

PixelSize attention_input_size(int image_width, int image_height, const std::vector<int>& image_size, int patch_size) {
  if (image_width <= 0 || image_height <= 0 || patch_size <= 0) return {};
  int w = image_width, h = image_height;
  if (std::max(w, h) > kLargestAttentionSide) {  // cv::resize rounds the scaled sides
    const double factor = static_cast<double>(kLargestAttentionSide) / std::max(w, h);
    w = static_cast<int>(std::lround(w * factor));
    h = static_cast<int>(std::lround(h * factor));
  }
  if (image_size.size() == 2) {
    h = image_size[0];
    w = image_size[1];
  } else if (image_size.size() == 1) {  // eval_transform.h's resize_shorter_side
    const int side = image_size[0];
    if (w <= h) {
      h = static_cast<int>(static_cast<int64_t>(side) * h / w);
      w = side;
    } else {
      w = static_cast<int>(static_cast<int64_t>(side) * w / h);
      h = side;
    }
  }
  return {h - h % patch_size, w - w % patch_size};
}

AttentionCost attention_cost(const AttentionModelShape& s, PixelSize input, const AttentionRequest& request) {
  AttentionCost cost;
  const double patches =
      static_cast<double>(input.height / std::max(1, s.patch_size)) * (input.width / std::max(1, s.patch_size));
  const double t = 1 + patches;
  cost.tokens = static_cast<int64_t>(t);
  const double d = s.embed_dim, m = s.mlp_hidden_dim, heads = s.heads, depth = s.depth;
  const double pixels = static_cast<double>(input.height) * input.width;
  const double pictures = heads + 4;  // the heads, their mean, rollout, PCA, the input

  // Work: each block's products (qkv, projection, MLP) and its fused attention (q k^T and the
  // weighted values); the chosen layer's query row; for rollout, every layer's rows again: q k^T and
  // the softmax and weighting of each of the heads' tokens x tokens entries, which on a CPU took as
  // long as 300 operations an entry (dino bench attention, docs/benchmarks.md); PCA's products;
  // and a few tens of operations per pixel of each picture.
  const double block = 2 * t * d * (4 * d + 2 * m) + 4 * t * t * d;
  cost.flops = blocks_run(s, request) * block + 2 * t * d;
  if (request.rollout) cost.flops += depth * (2 * t * t * d + 300 * heads * t * t);
  if (request.pca) cost.flops += 12 * t * d * d;
  cost.flops += 40 * pixels * pictures;

  // Memory: one block's activations at a time (the fused attention keeps no N x N matrix), the
  // query row, for rollout every block's queries and keys and two buffers of rows, for PCA the
  // features in double with their decomposition, the mask sort, the pictures and the input.
  cost.bytes = t * (8 * d + 2 * m) * kFloat + heads * t * kFloat;
  if (request.rollout)
    cost.bytes += 2 * depth * t * d * kFloat + 2 * t * d * kFloat +
                  2 * std::min(static_cast<double>(kAttentionChunkBytes), heads * t * t * kFloat);
  if (request.pca) cost.bytes += 4 * t * d * 8;
  if (request.threshold > 0) cost.bytes += heads * t * 16 * 2;
  cost.bytes += pixels * (3 * pictures + 4 * 3 + 3 * kFloat * 2);
  return cost;
}

AttentionLimits default_attention_limits() {
  AttentionLimits limits;
  const int64_t available = available_host_memory();
  limits.max_bytes = available > 0 ? static_cast<double>(available) / 2 : static_cast<double>(int64_t{4} << 30);
  limits.max_seconds = 60;
  limits.default_memory = true;
  return limits;
}

AttentionEstimate estimate_attention(const AttentionModelShape& shape, int image_width, int image_height,
                                     const AttentionRequest& request, const AttentionLimits& limits) {
  auto over = [&](const AttentionCost& cost, double seconds) {
    return (limits.max_bytes > 0 && cost.bytes > limits.max_bytes) ||
           (limits.max_seconds > 0 && seconds > limits.max_seconds);
  };
  const double rate = std::max(limits.flops_per_second, 1.0);
  AttentionEstimate e;
  e.input = attention_input_size(image_width, image_height, request.image_size, shape.patch_size);
  e.cost = attention_cost(shape, e.input, request);
  e.seconds = e.cost.flops / rate;
  e.fits = !over(e.cost, e.seconds);
  if (e.fits) return e;

  std::string why = describe_image_size(request.image_size) + " makes " + log::thousands(e.cost.tokens - 1) +
                    " patches: about " + log::byte_size(e.cost.bytes) + " and " + seconds_text(e.seconds) +
                    ", over the limit of ";
  if (limits.max_bytes > 0 && e.cost.bytes > limits.max_bytes)
    why += log::byte_size(limits.max_bytes) + (limits.max_seconds > 0 && e.seconds > limits.max_seconds ? " and " : "");
  if (limits.max_seconds > 0 && e.seconds > limits.max_seconds) why += log::rounded_duration(limits.max_seconds);
  e.why = why;

  // Shorter sides in patch steps, largest first, until one fits.
  const int shorter = std::min(e.input.height, e.input.width);
  for (int side = shorter - shorter % shape.patch_size; side >= shape.patch_size; side -= shape.patch_size) {
    auto candidate = request.image_size.empty() || request.image_size.size() == 1
                         ? std::vector<int>{side}
                         : with_shorter_side(request.image_size, side);
    const PixelSize input = attention_input_size(image_width, image_height, candidate, shape.patch_size);
    if (input.height < shape.patch_size || input.width < shape.patch_size) break;
    if (std::min(input.height, input.width) >= shorter) continue;
    const AttentionCost cost = attention_cost(shape, input, request);
    if (over(cost, cost.flops / rate)) continue;
    e.smaller_size = candidate;
    e.smaller_input = input;
    e.smaller_seconds = cost.flops / rate;
    break;
  }
  return e;
}

AttentionRefused::AttentionRefused(AttentionEstimate estimate)
    : std::runtime_error(estimate.why + (estimate.smaller_size.empty()
                                             ? std::string("; no smaller input fits")
                                             : "; " + describe_image_size(estimate.smaller_size) + " fits (" +
                                                   seconds_text(estimate.smaller_seconds) + ")")),
      estimate_(std::move(estimate)) {}

std::string describe_image_size(const std::vector<int>& image_size) {
  if (image_size.empty()) return "the original size";
  if (image_size.size() == 1) return "a shorter side of " + std::to_string(image_size[0]) + " px";
  return std::to_string(image_size[0]) + " x " + std::to_string(image_size[1]) + " px";
}

}  // namespace dino
