// The multi-crop data loader: worker threads build whole batches ahead of the training step into a
// bounded queue, in order. An epoch's sample order is the reference's DistributedSampler's layout
// (shuffled per epoch, padded to a multiple of the world size, every world_size-th index for this
// rank), cut into full batches (drop_last).
#pragma once

#include "dino/data/multi_crop.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace dino {
namespace detail {
class CropBatchPool;
}

struct LoaderOptions {
  int64_t batch_size = 64;
  int num_workers = 4;
  int prefetch_batches = 4;  // batches built ahead of the consumer, all workers together
  bool shuffle = true;
  uint64_t seed = 0;
  int64_t rank = 0;
  int64_t world_size = 1;
  bool pin_memory = false;  // page-locked batches for asynchronous copies to a CUDA device
};

struct Batch {
  int64_t epoch = 0;
  int64_t index = 0;             // within the epoch
  std::vector<at::Tensor> crops;  // crop-major, each (B, 3, S, S)
  std::vector<int64_t> samples;   // data set indices actually used (after skipping broken files)
  at::Tensor labels;              // (B,) int64, -1 when unlabelled
};

// Batches in an epoch of `images` for this rank (drop_last, as the reference's loader).
int64_t batches_per_epoch(int64_t images, const LoaderOptions& options);

// This rank's sample indices for `epoch`.
std::vector<int64_t> epoch_sample_order(int64_t size, uint64_t seed, int64_t epoch, bool shuffle, int64_t rank,
                                        int64_t world_size);

class MultiCropLoader {
 public:
  MultiCropLoader(std::shared_ptr<const ImageSource> source, MultiCropOptions crops, LoaderOptions options);
  ~MultiCropLoader();
  MultiCropLoader(const MultiCropLoader&) = delete;
  MultiCropLoader& operator=(const MultiCropLoader&) = delete;

  int64_t batches_per_epoch() const { return batches_per_epoch_; }
  // Starts building `epoch` from batch `first_batch` on (any epoch in flight is stopped first).
  void start_epoch(int64_t epoch, int64_t first_batch = 0);
  // The next batch in order; nullopt at the end of the epoch or after stop(). Rethrows a worker's
  // error (a data set with no decodable image, say).
  std::optional<Batch> next();
  // Asks the workers to stop after the sample each is on, and returns without waiting for them.
  void request_stop();
  // request_stop(), then joins the workers.
  void stop();

  int64_t skipped_files() const;
  std::vector<std::string> skipped_file_messages() const;

 private:
  void work();
  Batch build(int64_t batch_index);
  void record_broken(int64_t index, const std::string& message);

  std::shared_ptr<const ImageSource> source_;
  MultiCropOptions crops_;
  LoaderOptions options_;
  int64_t batches_per_epoch_ = 0;

  std::vector<int64_t> order_;
  int64_t epoch_ = 0;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::map<int64_t, Batch> built_;
  int64_t next_to_build_ = 0;
  int64_t next_to_deliver_ = 0;
  std::atomic<bool> stopping_{false};
  std::exception_ptr error_;
  std::map<int64_t, std::string> broken_;  // data set index -> message
  std::unique_ptr<detail::CropBatchPool> pool_;  // batch memory, when not page-locked
};

}  // namespace dino
