// What DistributedDataParallel does for the student (reference.md §3.9): rank 0's weights copied
// to every rank at the start, and after each backward pass every gradient averaged over the ranks.
#pragma once

#include "dino/distributed/process_group.h"

#include <torch/nn/module.h>

#include <memory>
#include <vector>

namespace dino::distributed {

// Every parameter and buffer of `module` replaced by `root`'s, as DDP's construction does.
void broadcast_module_state(torch::nn::Module& module, ProcessGroup& group, int64_t root = 0);

class GradientAverager {
 public:
  // Buckets of about `bucket_bytes` (DDP's 25 MB), filled from the last parameter to the first:
  // the order in which backward produces them.
  GradientAverager(std::vector<at::Tensor> parameters, std::shared_ptr<ProcessGroup> group,
                   int64_t bucket_bytes = 25 * 1024 * 1024);

  // Sums each bucket over the ranks (each bucket's sum starts while the next is packed) and
  // divides by the world size. A parameter without a gradient takes part with zeros and gets the
  // average, so every rank keeps the same gradients. Throws PeerFailure.
  void average();
  // Seconds the last average() took, packing and waiting included.
  double last_seconds() const { return last_seconds_; }

 private:
  std::vector<at::Tensor> parameters_;
  std::vector<std::vector<size_t>> buckets_;  // indices into parameters_
  std::shared_ptr<ProcessGroup> group_;
  double last_seconds_ = 0;
};

}  // namespace dino::distributed
