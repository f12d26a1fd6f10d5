// Attention maps from a ViT's attention probabilities (reference.md §4.1): the CLS (or any patch) query
// row over the patches, per head, on the patch grid; the reference's mass-threshold masks; a PCA
// of the patch features. Rollout is computed row by row in viz/attention_pass.h.
#pragma once

#include <ATen/core/Tensor.h>

#include <vector>

namespace dino {

// query_rows: (heads, 1 + N), one query's attention to every token, for an image whose patch grid is
// grid_h x grid_w. Returns (heads, grid_h, grid_w), the CLS key left out as the reference does.
at::Tensor patch_maps(const at::Tensor& query_rows, int64_t grid_h, int64_t grid_w);

// The same from the whole attention (1, heads, 1 + N, 1 + N): the row of `query` (0: CLS, 1 + k:
// patch k in row-major order).
at::Tensor query_attention(const at::Tensor& attention, int64_t query, int64_t grid_h, int64_t grid_w);

// reference.md §4.1 step 6, per map: the smallest set of highest patches holding at least a fraction t of
// the map's mass. maps: (M, h, w); returns uint8 (M, h, w) of 0/1.
at::Tensor mass_threshold_masks(const at::Tensor& maps, double threshold);

// The first three principal components of patch features (N, D) as colours: each component
// min-max scaled to [0, 1] over the image. Returns (3, grid_h, grid_w).
at::Tensor patch_feature_pca(const at::Tensor& patch_features, int64_t grid_h, int64_t grid_w);

}  // namespace dino
