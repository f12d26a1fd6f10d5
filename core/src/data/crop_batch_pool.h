// Memory for the loader's batches of crops, handed back to the loader when the consumer frees a
// batch's last tensor.
#pragma once

#include "dino/data/multi_crop.h"

#include <ATen/core/Tensor.h>

#include <memory>
#include <mutex>
#include <vector>

namespace dino::detail {

// A batch of crops is tens of megabytes (34 MB for 16 images of 2 x 224 + 8 x 96 crops), built
// in a worker thread and freed by the trainer a step later. Fresh from the C library each time,
// its pages were faulted in and zeroed again at every batch (glibc drops a thread arena's heap
// once it is empty, whatever its trim settings); taken from here, the next batch writes into
// pages that are already mapped.
class CropBatchPool {
 public:
  CropBatchPool(const MultiCropOptions& options, int64_t batch_size);

  // Uninitialised crop-major tensors (batch, 3, S, S) over one buffer, which returns here when
  // the last of them is freed (the pool itself may be gone by then: the buffer is freed instead).
  std::vector<at::Tensor> take();

 private:
  struct FreeList;
  std::vector<std::vector<int64_t>> shapes_;
  std::vector<size_t> offsets_;  // in floats, each crop's start within the buffer
  size_t floats_ = 0;
  std::shared_ptr<FreeList> free_;
};

}  // namespace dino::detail
