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
    : parameters_(std::move(parameters)), slots_(parameters_.size()), group_(std::move(group)) {
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
  for (size_t b = 0; b < buckets_.size(); ++b) {
    int64_t offset = 0;
    for (size_t k : buckets_[b]) {
      slots_[k] = {b, offset, false};
      offset += parameters_[k].numel();
    }
    const auto& first = parameters_[buckets_[b].front()];
    flats_.push_back(torch::empty({offset}, first.options().requires_grad(false)));
  }
  waiting_.resize(buckets_.size());
  pending_.resize(buckets_.size());
  // A hook sees the gradient autograd is about to accumulate into .grad, once per backward pass
  // (the sum over every use of the parameter), on the thread that runs that part of the pass.
  for (size_t k = 0; k < parameters_.size(); ++k)
    hooks_.push_back(parameters_[k].register_hook([this, k](const at::Tensor& grad) { on_gradient(k, grad); }));
}

GradientAverager::~GradientAverager() {
  for (size_t k = 0; k < parameters_.size(); ++k) parameters_[k].remove_hook(hooks_[k]);
}

void GradientAverager::prepare_for_backward() {
  for (auto& slot : slots_) slot.filled = false;
  for (size_t b = 0; b < buckets_.size(); ++b) waiting_[b] = buckets_[b].size();
  next_to_start_ = 0;
  armed_ = true;
}

void GradientAverager::on_gradient(size_t k, const at::Tensor& grad) {
  if (!armed_ || !grad.defined() || slots_[k].filled) return;
  torch::NoGradGuard no_grad;
  Slot& slot = slots_[k];
  flats_[slot.bucket].narrow(0, slot.offset, grad.numel()).copy_(grad.reshape({-1}));
  slot.filled = true;
  if (--waiting_[slot.bucket] == 0) start_ready_buckets();
}

void GradientAverager::start_ready_buckets() {
  // Strictly in bucket order, whatever order the buckets fill in: every rank must issue the same
  // collectives in the same order.
  while (next_to_start_ < buckets_.size() && waiting_[next_to_start_] == 0) {
    pending_[next_to_start_] = group_->all_reduce_sum_async(flats_[next_to_start_]);
    ++next_to_start_;
  }
}

void GradientAverager::average() {
  const auto start = std::chrono::steady_clock::now();
  torch::NoGradGuard no_grad;
  if (!armed_) prepare_for_backward();  // no backward announced: every gradient is read from .grad
  armed_ = false;
  started_in_backward_ = next_to_start_;
  // What backward did not hand to a hook: a gradient set by other means, or none (zeros).
  for (size_t k = 0; k < parameters_.size(); ++k) {
    Slot& slot = slots_[k];
    if (slot.filled) continue;
    auto piece = flats_[slot.bucket].narrow(0, slot.offset, parameters_[k].numel());
    if (parameters_[k].grad().defined())
      piece.copy_(parameters_[k].grad().reshape({-1}));
    else
      piece.zero_();
    slot.filled = true;
    --waiting_[slot.bucket];
  }
  start_ready_buckets();
  const double world = static_cast<double>(group_->world_size());
  for (size_t b = 0; b < buckets_.size(); ++b) {
    pending_[b]->wait();
    pending_[b].reset();
    flats_[b].div_(world);
    for (size_t k : buckets_[b]) {
      auto& p = parameters_[k];
      const auto averaged = flats_[b].narrow(0, slots_[k].offset, p.numel()).view(p.sizes());
      if (p.grad().defined())
        p.mutable_grad().copy_(averaged);
      else
        p.mutable_grad() = averaged.clone();
    }
  }
  last_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace dino::distributed
