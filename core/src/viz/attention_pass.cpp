#include "dino/viz/attention_pass.h"

#include "dino/viz/attention_budget.h"

#include <torch/torch.h>

#include <algorithm>

namespace dino {
namespace {

// Probabilities of query rows [first, first + count): (heads, count, tokens), float.
at::Tensor attention_rows(const at::Tensor& queries, const at::Tensor& keys, double scale, int64_t first,
                          int64_t count) {
  return (queries[0].narrow(1, first, count).matmul(keys[0].transpose(-2, -1)) * scale).softmax(-1);
}

int64_t rows_per_chunk(int64_t heads, int64_t tokens) {
  return std::clamp<int64_t>(kAttentionChunkBytes / (heads * tokens * 4), 1, tokens);
}

// Counts the pass's units of work (a block, a chunk of rows) and reports them; throws when
// cancelled, checked before each unit so that no block starts after a cancel.
class PassProgress {
 public:
  PassProgress(const AttentionWork& work, double total) : work_(work), total_(std::max(total, 1.0)) {}
  // Before a unit of work: stops when cancelled, reports what is done so far.
  void next() {
    if (work_.progress && done_ > 0) work_.progress(std::min(1.0, done_ / total_));
    if (work_.cancelled()) throw AttentionCancelled();
    ++done_;
  }
  void finish() {
    if (work_.progress) work_.progress(1.0);
  }

 private:
  const AttentionWork& work_;
  double total_;
  double done_ = 0;
};

}  // namespace

at::Tensor rollout_cls_row(const std::vector<at::Tensor>& queries, const std::vector<at::Tensor>& keys, double scale,
                           const std::function<void()>& between_chunks) {
  TORCH_CHECK(!queries.empty() && queries.size() == keys.size(), "rollout needs every block's queries and keys");
  const int64_t heads = queries.front().size(1);
  const int64_t tokens = queries.front().size(2);
  const int64_t chunk = rows_per_chunk(heads, tokens);
  // row = e_0 Â_L ... Â_l after block l; Â = (A + I) / 2 and A's rows already sum to one, so the
  // reference definition's renormalisation of rows changes nothing and is left out.
  auto row = torch::zeros({tokens}, queries.front().options().dtype(torch::kFloat));
  row[0] = 1;
  // One buffer of chunk rows, reused: a fresh allocation per chunk cost more in page faults than the
  // products themselves.
  auto buffer = torch::empty({heads * chunk * tokens}, row.options());
  auto probabilities = torch::empty_like(buffer);
  for (size_t l = queries.size(); l-- > 0;) {
    const auto q = queries[l][0].to(torch::kFloat).contiguous();                  // (heads, tokens, d)
    const auto kt = keys[l][0].to(torch::kFloat).transpose(-2, -1).contiguous();  // (heads, d, tokens)
    auto next = torch::zeros_like(row);
    for (int64_t first = 0; first < tokens; first += chunk) {
      const int64_t count = std::min(chunk, tokens - first);
      if (between_chunks) between_chunks();  // a cancel is seen before the chunk's work
      const auto weights = row.narrow(0, first, count);
      if (weights.abs().max().item<float>() != 0) {  // in the last block only row 0 counts
        // The buffers' first heads x count x tokens numbers, contiguous (the softmax writes them so).
        auto scores = buffer.narrow(0, 0, heads * count * tokens).view({heads, count, tokens});
        auto rows = probabilities.narrow(0, 0, heads * count * tokens).view({heads, count, tokens});
        at::matmul_out(scores, q.narrow(1, first, count), kt);
        scores.mul_(scale);
        at::_softmax_out(rows, scores, -1, false);
        next += weights.view({1, 1, count}).matmul(rows).sum(0).view({tokens}) / static_cast<double>(heads);
      }
    }
    row = (next + row) / 2;
  }
  return row;
}

AttentionPassResult attention_pass(VisionTransformerImpl& model, const at::Tensor& image,
                                   const AttentionPassRequest& request, const AttentionWork& work) {
  torch::NoGradGuard no_grad;
  const auto depth = static_cast<int64_t>(model.blocks->size());
  const int64_t layer = request.layer < 0 ? depth + request.layer : request.layer;
  TORCH_CHECK(layer >= 0 && layer < depth, "layer ", request.layer, " is outside the model's ", depth, " blocks");
  const int64_t last = request.rollout || request.pca ? depth - 1 : layer;

  auto x = model.prepare_tokens(image);
  const int64_t tokens = x.size(1);
  TORCH_CHECK(request.query >= 0 && request.query < tokens, "query token ", request.query, " is outside 0..",
              tokens - 1);
  const int64_t heads = model.config().num_heads;
  const int64_t chunk = rows_per_chunk(heads, tokens);
  const int64_t chunks = request.rollout ? depth * ((tokens + chunk - 1) / chunk) : 0;
  PassProgress progress(work, static_cast<double>(last + 1 + chunks));

  AttentionPassResult result;
  std::vector<at::Tensor> queries, keys;
  double scale = 1;
  for (int64_t i = 0; i <= last; ++i) {
    progress.next();
    auto& block = *model.blocks->ptr<TransformerBlockImpl>(static_cast<size_t>(i));
    if (i == layer || request.rollout) {
      auto [q, k] = block.attn->queries_and_keys(block.norm1->forward(x));
      scale = block.attn->scale();
      if (i == layer)
        result.query_rows = attention_rows(q, k, scale, request.query, 1).select(1, 0).to(torch::kFloat).cpu();
      if (request.rollout) {  // copies of their own: views would keep the whole qkv output, v too
        queries.push_back(q.contiguous());
        keys.push_back(k.contiguous());
      }
    }
    if (i < last || request.pca) x = block.forward(x);
  }
  if (request.rollout) result.rollout = rollout_cls_row(queries, keys, scale, [&] { progress.next(); }).cpu();
  if (request.pca) result.patch_tokens = model.norm->forward(x)[0].slice(0, 1).to(torch::kFloat).cpu();
  progress.finish();
  return result;
}

}  // namespace dino
