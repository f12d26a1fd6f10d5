#include "dino/data/data_loader.h"

#include "crop_batch_pool.h"

#include "dino/log/log.h"

#include <torch/torch.h>

#include <numeric>

namespace dino {

std::vector<int64_t> epoch_sample_order(int64_t size, uint64_t seed, int64_t epoch, bool shuffle, int64_t rank,
                                        int64_t world_size) {
  std::vector<int64_t> order(static_cast<size_t>(size));
  std::iota(order.begin(), order.end(), 0);
  if (shuffle) {
    auto rng = sample_generator(seed, epoch, -1);
    std::shuffle(order.begin(), order.end(), rng);
  }
  // DistributedSampler: pad by repeating from the start to a multiple of the world size, then
  // take every world_size-th index starting at rank.
  const int64_t per_rank = (size + world_size - 1) / world_size;
  const int64_t total = per_rank * world_size;
  for (int64_t i = size; i < total; ++i) order.push_back(order[static_cast<size_t>((i - size) % std::max<int64_t>(size, 1))]);
  std::vector<int64_t> mine;
  for (int64_t i = rank; i < total; i += world_size) mine.push_back(order[static_cast<size_t>(i)]);
  return mine;
}

int64_t batches_per_epoch(int64_t images, const LoaderOptions& options) {
  if (options.batch_size <= 0 || options.world_size <= 0) return 0;
  const int64_t per_rank = (images + options.world_size - 1) / options.world_size;
  return per_rank / options.batch_size;
}

MultiCropLoader::MultiCropLoader(std::shared_ptr<const ImageSource> source, MultiCropOptions crops, LoaderOptions options)
    : source_(std::move(source)), crops_(crops), options_(options) {
  if (options_.batch_size <= 0) throw std::invalid_argument("batch size must be positive");
  if (options_.world_size <= 0 || options_.rank < 0 || options_.rank >= options_.world_size)
    throw std::invalid_argument("rank must lie in [0, world_size)");
  options_.num_workers = std::max(1, options_.num_workers);
  options_.prefetch_batches = std::max(options_.prefetch_batches, options_.num_workers);
  batches_per_epoch_ = dino::batches_per_epoch(source_->size(), options_);
  if (!options_.pin_memory) pool_ = std::make_unique<detail::CropBatchPool>(crops_, options_.batch_size);
}

MultiCropLoader::~MultiCropLoader() { stop(); }

void MultiCropLoader::start_epoch(int64_t epoch, int64_t first_batch) {
  stop();
  {
    std::lock_guard lock(mutex_);
    epoch_ = epoch;
    order_ = epoch_sample_order(source_->size(), options_.seed, epoch, options_.shuffle, options_.rank, options_.world_size);
    built_.clear();
    next_to_build_ = std::clamp<int64_t>(first_batch, 0, batches_per_epoch_);
    next_to_deliver_ = next_to_build_;
    error_ = nullptr;
    stopping_ = false;
  }
  for (int i = 0; i < options_.num_workers; ++i) workers_.emplace_back([this] { work(); });
}

void MultiCropLoader::request_stop() {
  {
    // Under the lock: a worker between checking its wait's condition and going to sleep would
    // otherwise miss the notification and never wake.
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  room_.notify_all();
}

void MultiCropLoader::stop() {
  request_stop();
  for (auto& worker : workers_) worker.join();
  workers_.clear();
}

void MultiCropLoader::work() {
  while (true) {
    int64_t batch_index;
    {
      std::unique_lock lock(mutex_);
      room_.wait(lock, [&] {
        return stopping_ || next_to_build_ >= batches_per_epoch_ || next_to_build_ - next_to_deliver_ < options_.prefetch_batches;
      });
      if (stopping_ || next_to_build_ >= batches_per_epoch_) return;
      batch_index = next_to_build_++;
    }
    try {
      Batch batch = build(batch_index);
      std::lock_guard lock(mutex_);
      built_.emplace(batch_index, std::move(batch));
    } catch (const std::exception&) {
      std::lock_guard lock(mutex_);
      if (!error_ && !stopping_) error_ = std::current_exception();
    }
    ready_.notify_all();
  }
}

Batch MultiCropLoader::build(int64_t batch_index) {
  Batch batch;
  batch.epoch = epoch_;
  batch.index = batch_index;
  const int64_t size = options_.batch_size;
  // Page-locked batches come from LibTorch's own caching host allocator.
  batch.crops = pool_ ? pool_->take() : allocate_crop_batch(crops_, size, /*pin_memory=*/true);
  batch.labels = torch::empty({size}, torch::kLong);
  auto broken = [this](int64_t index, const std::string& message) { record_broken(index, message); };
  for (int64_t b = 0; b < size; ++b) {
    if (stopping_) break;
    const int64_t requested = order_[static_cast<size_t>(batch_index * size + b)];
    const int64_t used = fill_multi_crop_sample(*source_, requested, crops_, options_.seed, epoch_, batch.crops, b, broken);
    batch.samples.push_back(used);
    batch.labels[b] = source_->label(used);
  }
  return batch;
}

std::optional<Batch> MultiCropLoader::next() {
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [&] { return stopping_ || error_ || next_to_deliver_ >= batches_per_epoch_ || built_.count(next_to_deliver_); });
  if (error_) std::rethrow_exception(error_);
  if (stopping_ || next_to_deliver_ >= batches_per_epoch_) return std::nullopt;
  auto node = built_.extract(next_to_deliver_++);
  lock.unlock();
  room_.notify_all();
  return std::move(node.mapped());
}

void MultiCropLoader::record_broken(int64_t index, const std::string& message) {
  bool first = false;
  {
    std::lock_guard lock(mutex_);
    first = broken_.emplace(index, message).second;
  }
  if (first) log::warn("skipping " + message);
}

int64_t MultiCropLoader::skipped_files() const {
  std::lock_guard lock(mutex_);
  return static_cast<int64_t>(broken_.size());
}

std::vector<std::string> MultiCropLoader::skipped_file_messages() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> messages;
  for (const auto& [index, message] : broken_) messages.push_back(message);
  return messages;
}

}  // namespace dino
