// The pace of a run as a user should read it: images per second over the last steps only, from
// each step's own time (waiting for its batch and computing), so a k-NN evaluation, a pause or the
// slow first step do not drag the rate down for the rest of the run; and the time left, which
// counts the steps still to run and the evaluations still to come.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace dino {

class RunClock {
 public:
  explicit RunClock(size_t window = 20);

  void add_step(double seconds, int64_t images);
  void add_evaluation(double seconds);

  // Over the last `window` steps; 0 before the first.
  double images_per_second() const;
  double seconds_per_step() const;
  // At the measured paces. An evaluation not measured yet counts nothing: the time left is then an
  // estimate from below.
  double seconds_left(int64_t steps_left, int64_t evaluations_left) const;

 private:
  struct Step {
    double seconds;
    int64_t images;
  };
  size_t window_;
  std::deque<Step> steps_;
  double window_seconds_ = 0;
  int64_t window_images_ = 0;
  double evaluation_seconds_ = 0;  // the last evaluation's
};

}  // namespace dino
