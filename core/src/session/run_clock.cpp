#include "dino/session/run_clock.h"

#include <algorithm>

namespace dino {

RunClock::RunClock(size_t window) : window_(std::max<size_t>(window, 1)) {}

void RunClock::add_step(double seconds, int64_t images) {
  steps_.push_back({seconds, images});
  window_seconds_ += seconds;
  window_images_ += images;
  if (steps_.size() > window_) {
    window_seconds_ -= steps_.front().seconds;
    window_images_ -= steps_.front().images;
    steps_.pop_front();
  }
}

void RunClock::add_evaluation(double seconds) { evaluation_seconds_ = seconds; }

double RunClock::images_per_second() const {
  return window_seconds_ > 0 ? static_cast<double>(window_images_) / window_seconds_ : 0.0;
}

double RunClock::seconds_per_step() const {
  return steps_.empty() ? 0.0 : window_seconds_ / static_cast<double>(steps_.size());
}

double RunClock::seconds_left(int64_t steps_left, int64_t evaluations_left) const {
  return static_cast<double>(std::max<int64_t>(steps_left, 0)) * seconds_per_step() +
         static_cast<double>(std::max<int64_t>(evaluations_left, 0)) * evaluation_seconds_;
}

}  // namespace dino
