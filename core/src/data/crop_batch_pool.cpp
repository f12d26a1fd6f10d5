#include "crop_batch_pool.h"

#include <torch/torch.h>

#include <cstdlib>
#include <new>

namespace dino::detail {

struct CropBatchPool::FreeList {
  struct AlignedFree {
    void operator()(float* p) const { std::free(p); }
  };
  using Buffer = std::unique_ptr<float, AlignedFree>;
  std::mutex mutex;
  std::vector<Buffer> buffers;
};

CropBatchPool::CropBatchPool(const MultiCropOptions& options, int64_t batch_size)
    : free_(std::make_shared<FreeList>()) {
  for (int i = 0; i < options.crops(); ++i) {
    const int64_t side = i < 2 ? options.global_crops_size : options.local_crops_size;
    shapes_.push_back({batch_size, 3, side, side});
    offsets_.push_back(floats_);
    // Each crop starts on a 64-byte boundary, as LibTorch's own allocations do.
    floats_ += (static_cast<size_t>(batch_size * 3 * side * side) + 15) / 16 * 16;
  }
}

std::vector<at::Tensor> CropBatchPool::take() {
  FreeList::Buffer buffer;
  {
    std::lock_guard lock(free_->mutex);
    // The buffer returned last first: it is the likeliest to be still in the caches (taken in
    // turn, every buffer would have gone cold by the time it came round again).
    if (!free_->buffers.empty()) {
      buffer = std::move(free_->buffers.back());
      free_->buffers.pop_back();
    }
  }
  if (!buffer) {
    buffer.reset(static_cast<float*>(std::aligned_alloc(64, std::max<size_t>(floats_, 16) * sizeof(float))));
    if (!buffer) throw std::bad_alloc();
  }
  float* data = buffer.get();
  // Shared by the batch's tensors; the last one to go hands the buffer back.
  auto owner = std::shared_ptr<float>(buffer.release(), [free = free_](float* p) {
    FreeList::Buffer returned(p);
    std::lock_guard lock(free->mutex);
    free->buffers.push_back(std::move(returned));
  });
  std::vector<at::Tensor> crops;
  for (size_t i = 0; i < shapes_.size(); ++i)
    crops.push_back(torch::from_blob(data + offsets_[i], shapes_[i], [owner](void*) {}, torch::kFloat));
  return crops;
}

}  // namespace dino::detail
