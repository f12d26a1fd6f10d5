// One pass of a ViT over one image for an attention view, in bounded memory: every block runs its
// fused attention, and only the attention rows the view needs are formed, a chunk at a time: the
// query's row in the chosen layer, and for rollout its CLS row carried back through the layers
// (Abnar and Zuidema, 2020). No tokens x tokens matrix exists at any point, so a 14,400-patch input needs
// megabytes where the whole matrices took gigabytes. Progress is reported, and cancellation honoured,
// between blocks and between chunks.
#pragma once

#include "dino/model/vision_transformer.h"
#include "dino/viz/attention_view.h"

namespace dino {

struct AttentionPassRequest {
  int64_t layer = -1;  // negative counts from the end
  int64_t query = 0;   // 0: CLS; 1 + k: patch k
  bool rollout = false;
  bool pca = false;
};

struct AttentionPassResult {
  at::Tensor query_rows;    // (heads, 1 + N): the query's attention to every token in `layer`, float
  at::Tensor rollout;       // (1 + N): the CLS row of the rollout, when asked
  at::Tensor patch_tokens;  // (N, D): the last block's normed patch tokens, when PCA was asked
};

// image: (1, 3, H, W), normalised, on the model's device. Results come back on the CPU. Throws
// AttentionCancelled when work.cancel is set.
AttentionPassResult attention_pass(VisionTransformerImpl& model, const at::Tensor& image,
                                   const AttentionPassRequest& request, const AttentionWork& work = {});

// The CLS row of attention rollout, R = Â_L ... Â_1 with Â_l = (A_l + I) / 2 and A_l the heads' mean
// attention of block l, from each block's queries and keys (B = 1): e_0 is multiplied from the
// left through the last block to the first, a chunk of query rows at a time, so only chunk x tokens
// probabilities exist at once. queries[l], keys[l]: (1, heads, 1 + N, head_dim).
at::Tensor rollout_cls_row(const std::vector<at::Tensor>& queries, const std::vector<at::Tensor>& keys, double scale,
                           const std::function<void()>& between_chunks = {});

}  // namespace dino
