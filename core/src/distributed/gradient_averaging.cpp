#include "dino/distributed/gradient_averaging.h"

#include <torch/torch.h>

#include <chrono>

namespace dino::distributed {

void broadcast_module_state(torch::nn::Module& module, ProcessGroup& group, int64_t root) {
  torch::NoGradGuard no_grad;
  std::vector<at::Tensor> state;
  for (const auto& p : module.parameters()) state.push_back(p);
  for (const auto& b : module.buffers()) state.push_back(b);
  group.broadcast(state, root);
}

GradientAverager::GradientAverager(std::vector<at::Tensor> parameters, std::shared_ptr<ProcessGroup> group,
                                   int64_t bucket_bytes)
    : parameters_(std::move(parameters)), group_(std::move(group)) {
  int64_t filled = 0;
  for (size_t k = parameters_.size(); k-- > 0;) {
    const auto& p = parameters_[k];
    const int64_t bytes = p.numel() * static_cast<int64_t>(p.element_size());
    const bool same_kind = !buckets_.empty() && !buckets_.back().empty() &&
                           parameters_[buckets_.back().front()].scalar_type() == p.scalar_type() &&
                           parameters_[buckets_.back().front()].device() == p.device();
    if (buckets_.empty() || !same_kind || filled + bytes > bucket_bytes) {
      if (buckets_.empty() || !buckets_.back().empty()) buckets_.emplace_back();
      filled = 0;
    }
    buckets_.back().push_back(k);
    filled += bytes;
  }
}

void GradientAverager::average() {
  const auto start = std::chrono::steady_clock::now();
  torch::NoGradGuard no_grad;
  const double world = static_cast<double>(group_->world_size());
  std::vector<at::Tensor> flats;
  std::vector<ProcessGroup::PendingSum> pending;
  flats.reserve(buckets_.size());
  pending.reserve(buckets_.size());
  for (const auto& bucket : buckets_) {
    std::vector<at::Tensor> pieces;
    pieces.reserve(bucket.size());
    for (size_t k : bucket) {
      auto& p = parameters_[k];
      if (!p.grad().defined()) p.mutable_grad() = torch::zeros_like(p);
      pieces.push_back(p.grad().reshape({-1}));
    }
    flats.push_back(torch::cat(pieces));
    pending.push_back(group_->all_reduce_sum_async(flats.back()));
  }
  for (size_t b = 0; b < buckets_.size(); ++b) {
    pending[b].wait();
    flats[b].div_(world);
    int64_t offset = 0;
    for (size_t k : buckets_[b]) {
      auto& grad = parameters_[k].mutable_grad();
      grad.copy_(flats[b].narrow(0, offset, grad.numel()).view(grad.sizes()));
      offset += grad.numel();
    }
  }
  last_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace dino::distributed
