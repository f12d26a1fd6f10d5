// What DistributedDataParallel does for the student (reference.md §3.9): rank 0's weights copied
// to every rank at the start, and every gradient averaged over the ranks in buckets whose sums
// start during the backward pass, as soon as the last gradient of a bucket is computed.
#pragma once

#include "dino/distributed/process_group.h"

#include <torch/nn/module.h>

#include <memory>
#include <optional>
#include <vector>

namespace dino::distributed {

// Every parameter and buffer of `module` replaced by `root`'s, as DDP's construction does.
void broadcast_module_state(torch::nn::Module& module, ProcessGroup& group, int64_t root = 0);

class GradientAverager {
 public:
  // Buckets of about `bucket_bytes` (DDP's 25 MB), filled from the last parameter to the first:
  // the order in which backward produces them. Hooks on the parameters copy each gradient into its
  // bucket as backward computes it; they act only between prepare_for_backward() and average().
  GradientAverager(std::vector<at::Tensor> parameters, std::shared_ptr<ProcessGroup> group,
                   int64_t bucket_bytes = 25 * 1024 * 1024);
  ~GradientAverager();
  GradientAverager(const GradientAverager&) = delete;
  GradientAverager& operator=(const GradientAverager&) = delete;

  // Call right before the backward pass whose gradients average() will average (the gradients
  // cleared before it, as zero_grad does): each bucket's sum then starts once backward has
  // produced all of its gradients, buckets in the same order on every rank.
  void prepare_for_backward();
  // Starts the sums not started yet (all of them without prepare_for_backward), waits for every
  // bucket and writes the average into each parameter's gradient. A parameter without a gradient
  // takes part with zeros and gets the average, so every rank keeps the same gradients. Throws
  // PeerFailure.
  void average();
  // Seconds the last average() took: the exchange backward did not hide, packing and waiting.
  double last_seconds() const { return last_seconds_; }
  // Buckets whose sums the last backward pass started before average() (a figure for tests and
  // benchmarks: all of them when every parameter received a gradient).
  size_t buckets_started_in_backward() const { return started_in_backward_; }
  size_t bucket_count() const { return buckets_.size(); }

 private:
  struct Slot {
    size_t bucket = 0;
    int64_t offset = 0;  // in the bucket's flat buffer
    bool filled = false;
  };

  void on_gradient(size_t parameter, const at::Tensor& grad);
  void start_ready_buckets();

  std::vector<at::Tensor> parameters_;
  std::vector<std::vector<size_t>> buckets_;  // indices into parameters_, in the order they are summed
  std::vector<Slot> slots_;                   // per parameter
  std::vector<at::Tensor> flats_;             // per bucket, reused every step
  std::vector<size_t> waiting_;               // per bucket: gradients not yet copied in
  std::vector<std::optional<ProcessGroup::PendingSum>> pending_;
  std::vector<unsigned> hooks_;  // per parameter, removed with the averager
  size_t next_to_start_ = 0;
  bool armed_ = false;
  size_t started_in_backward_ = 0;
  std::shared_ptr<ProcessGroup> group_;
  double last_seconds_ = 0;
};

}  // namespace dino::distributed
