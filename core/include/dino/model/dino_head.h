// The DINO projection head (reference.md §2.4): MLP, L2 normalisation, weight-normalised prototypes.
#pragma once

#include "dino/model/sync_batch_norm.h"
#include "dino/model/weight_norm_linear.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>

namespace dino {

struct DinoHeadOptions {
  int64_t in_dim = 384;
  int64_t out_dim = 65536;  // K, the number of prototypes
  bool use_bn = false;
  bool norm_last_layer = true;
  int64_t nlayers = 3;
  int64_t hidden_dim = 2048;
  int64_t bottleneck_dim = 256;
};

class DinoHeadImpl : public torch::nn::Module {
 public:
  explicit DinoHeadImpl(const DinoHeadOptions& options);
  // (B, in_dim) -> (B, out_dim) logits
  torch::Tensor forward(const torch::Tensor& features);
  // The bottleneck output after L2 normalisation, (B, bottleneck_dim).
  torch::Tensor embed(const torch::Tensor& features);

  const DinoHeadOptions& options() const { return options_; }
  // A distributed run's sum over the processes: the MLP's BatchNorm layers then normalise by every
  // rank's batch while training (sync_batch_norm.h). Unset: each process's own batch.
  void set_rank_sum(RankSum sum_over_ranks) { rank_sum_ = std::move(sum_over_ranks); }

  // With nlayers > 1 the MLP is a Sequential (state-dict keys mlp.0, mlp.2, ...); with nlayers 1
  // the reference registers a bare Linear as "mlp" (keys mlp.weight, mlp.bias). One is set.
  torch::nn::Sequential mlp_layers{nullptr};
  torch::nn::Linear mlp_single{nullptr};
  WeightNormLinear last_layer{nullptr};

 private:
  DinoHeadOptions options_;
  RankSum rank_sum_;
};
TORCH_MODULE(DinoHead);

}  // namespace dino
