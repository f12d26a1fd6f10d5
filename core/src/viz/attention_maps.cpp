#include "dino/viz/attention_maps.h"

#include <torch/torch.h>

namespace dino {

at::Tensor patch_maps(const at::Tensor& query_rows, int64_t grid_h, int64_t grid_w) {
  TORCH_CHECK(query_rows.dim() == 2 && query_rows.size(1) == 1 + grid_h * grid_w, "attention rows over ",
              query_rows.size(-1) - 1, " patches do not fit a ", grid_h, " x ", grid_w, " grid");
  // reference.md §4.1 step 5: attentions[0, :, query, 1:]
  return query_rows.slice(1, 1).reshape({query_rows.size(0), grid_h, grid_w}).to(torch::kFloat);
}

at::Tensor query_attention(const at::Tensor& attention, int64_t query, int64_t grid_h, int64_t grid_w) {
  TORCH_CHECK(attention.dim() == 4 && attention.size(0) == 1 && attention.size(2) == attention.size(3),
              "attention must be (1, heads, 1 + N, 1 + N), got ", attention.sizes());
  TORCH_CHECK(query >= 0 && query < attention.size(2), "query token ", query, " is outside 0..", attention.size(2) - 1);
  return patch_maps(attention[0].select(1, query), grid_h, grid_w);
}

at::Tensor mass_threshold_masks(const at::Tensor& maps, double threshold) {
  TORCH_CHECK(maps.dim() == 3, "maps must be (M, h, w)");
  TORCH_CHECK(threshold > 0 && threshold <= 1, "the threshold must lie in (0, 1], got ", threshold);
  const auto flat = maps.reshape({maps.size(0), -1}).to(torch::kFloat);  // float32, as the reference
  auto [values, order] = flat.sort(1);                                   // ascending, as the reference
  values = values / values.sum(1, true);
  const auto cumulative = values.cumsum(1);
  const auto kept_sorted = cumulative > (1.0 - threshold);
  // Unsort: position order[i] receives kept_sorted[i].
  auto masks = torch::zeros_like(kept_sorted);
  masks.scatter_(1, order, kept_sorted);
  return masks.reshape(maps.sizes()).to(torch::kUInt8);
}

at::Tensor patch_feature_pca(const at::Tensor& patch_features, int64_t grid_h, int64_t grid_w) {
  TORCH_CHECK(patch_features.dim() == 2 && patch_features.size(0) == grid_h * grid_w, "patch features must be (",
              grid_h * grid_w, ", D)");
  const auto x = patch_features.to(torch::kDouble);
  const auto centred = x - x.mean(0, true);
  // Right singular vectors of the centred features are the principal directions.
  auto [u, s, vh] = torch::linalg_svd(centred, /*full_matrices=*/false);
  const int64_t k = std::min<int64_t>(3, vh.size(0));
  auto components = centred.matmul(vh.slice(0, 0, k).t());  // (N, k)
  if (k < 3) components = torch::cat({components, torch::zeros({components.size(0), 3 - k}, components.options())}, 1);
  const auto low = std::get<0>(components.min(0, true));
  const auto high = std::get<0>(components.max(0, true));
  components = (components - low) / (high - low).clamp_min(1e-12);
  return components.t().reshape({3, grid_h, grid_w}).to(torch::kFloat);
}

}  // namespace dino
