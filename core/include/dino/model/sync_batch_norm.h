// BatchNorm over the batch of every process of a distributed run, as PyTorch's SyncBatchNorm
// (reference.md §3.9: the reference converts the head's BatchNorm with convert_sync_batchnorm).
// The model library knows nothing of processes: the caller lends a sum over the ranks.
#pragma once

#include <torch/nn/modules/batchnorm.h>

#include <functional>
#include <vector>

namespace dino {

// Sums each tensor over the processes, in place (the same call on every rank, in the same order).
using RankSum = std::function<void(std::vector<torch::Tensor>&)>;

// Training-mode BatchNorm1d of `x` (rows, C) with `bn`'s affine parameters, normalised by the
// mean and biased variance of every rank's rows together; `bn`'s running statistics move by those
// (the unbiased variance, as BatchNorm does). Backward sums the two reductions it needs over the
// ranks, so that each rank's input gradient counts every rank's loss, as SyncBatchNorm's does.
// `sum_over_ranks` must outlive the backward pass.
torch::Tensor sync_batch_norm(const torch::Tensor& x, torch::nn::BatchNorm1dImpl& bn, const RankSum& sum_over_ranks);

}  // namespace dino
