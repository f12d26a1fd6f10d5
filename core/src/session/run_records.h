// The records a training run streams (metric_record.h) built from what the trainer and the k-NN
// evaluation return, with the run's clock (run_clock.h): the rate over the last steps, and the time
// left for the steps and the evaluations still to come.
#pragma once

#include "dino/eval/knn.h"
#include "dino/session/metric_record.h"
#include "dino/session/run_clock.h"
#include "dino/train/dino_trainer.h"

#include <c10/core/Device.h>

#include <chrono>
#include <cstdint>
#include <vector>

namespace dino {

class RunRecords {
 public:
  using Clock = std::chrono::steady_clock;

  // `steps_left`: the steps this process will run (fewer than epochs x iterations after a resume);
  // `evaluated_after`: the epochs after which a k-NN evaluation runs (reference.md §5.1).
  RunRecords(int64_t epochs, int64_t iterations_per_epoch, int64_t batch_size, int64_t steps_left, c10::Device device,
             std::vector<int64_t> evaluated_after = {});
  void evaluation_took(double seconds) { clock_.add_evaluation(seconds); }

  // One training step: its numbers, the time waiting for data and computing, memory in use.
  MetricRecord step(const StepResult& result, int64_t epoch, int64_t step_in_epoch, double data_seconds,
                    double step_seconds);
  // The epoch's mean loss with its last learning rate and weight decay.
  MetricRecord epoch_summary(int64_t epoch, double mean_loss, const StepResult& last) const;
  // A k-NN evaluation after `epochs_done` epochs.
  MetricRecord knn(int64_t epochs_done, const KnnResult& result) const;

 private:
  double elapsed_seconds() const;

  int64_t epochs_, iterations_, batch_size_, steps_left_;
  c10::Device device_;
  std::vector<int64_t> evaluated_after_;
  Clock::time_point start_ = Clock::now();
  int64_t steps_done_ = 0;
  RunClock clock_;
};

}  // namespace dino
