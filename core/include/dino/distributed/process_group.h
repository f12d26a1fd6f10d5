// The processes of a distributed run, joined through LibTorch's c10d: a TCPStore for the
// rendezvous and a Gloo process group for the collectives (reference.md §3.9). Only
// process_group.cpp includes c10d's headers; the rest of the library sees this interface.
#pragma once

#include "dino/distributed/process_placement.h"

#include <ATen/core/Tensor.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dino::distributed {

// A collective that failed because another process died, hung past the timeout or stopped on an
// error of its own. The message names those ranks and what they said.
class PeerFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Whether this build can join processes (LibTorch with c10d, and Gloo's headers at build time).
bool process_groups_available();
std::string process_groups_unavailable_reason();

class ProcessGroup {
 public:
  // Meets the other processes at the placement's address and joins them in a Gloo group whose
  // collectives give up after `timeout`. Throws std::runtime_error naming the address when the
  // rendezvous fails within `timeout`.
  static std::shared_ptr<ProcessGroup> connect(const ProcessPlacement& placement, std::chrono::milliseconds timeout);
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  int64_t rank() const;
  int64_t world_size() const;
  std::chrono::milliseconds timeout() const;

  // In place, every tensor summed over the ranks. Throws PeerFailure.
  void all_reduce_sum(std::vector<at::Tensor>& tensors);
  // In place, every tensor the element-wise maximum over the ranks.
  void all_reduce_max(std::vector<at::Tensor>& tensors);
  // In place, every tensor replaced by `root`'s.
  void broadcast(std::vector<at::Tensor>& tensors, int64_t root = 0);
  // Every rank's `tensor` (one shape on all ranks), stacked in rank order along a new first dimension.
  at::Tensor all_gather(const at::Tensor& tensor);
  void barrier();

  // A sum started in the background; wait() before reading the tensor.
  class PendingSum {
   public:
    void wait();

   private:
    friend class ProcessGroup;
    struct Work;
    std::shared_ptr<Work> work_;
    ProcessGroup* group_ = nullptr;
  };
  PendingSum all_reduce_sum_async(at::Tensor tensor);

  // Tells the other ranks why this one is about to stop (best effort): their PeerFailure quotes it.
  void announce_failure(const std::string& message);

 private:
  struct Impl;
  explicit ProcessGroup(std::unique_ptr<Impl> impl);
  [[noreturn]] void fail(const std::string& operation, const std::exception& error);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dino::distributed
