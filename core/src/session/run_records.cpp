#include "run_records.h"

#include "dino/system/device_info.h"
#include "dino/system/device.h"

#include <algorithm>

namespace dino {

RunRecords::RunRecords(int64_t epochs, int64_t iterations_per_epoch, int64_t batch_size, int64_t steps_left,
                       c10::Device device, std::vector<int64_t> evaluated_after)
    : epochs_(epochs),
      iterations_(iterations_per_epoch),
      batch_size_(batch_size),
      steps_left_(steps_left),
      device_(device),
      evaluated_after_(std::move(evaluated_after)) {}

double RunRecords::elapsed_seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

MetricRecord RunRecords::step(const StepResult& result, int64_t epoch, int64_t step_in_epoch, double data_seconds,
                              double step_seconds) {
  ++steps_done_;
  clock_.add_step(data_seconds + step_seconds, batch_size_);
  const double elapsed = elapsed_seconds();
  const auto& d = result.diagnostics;
  MetricRecord r;
  r.epoch = epoch;
  r.iteration = epoch * iterations_ + step_in_epoch;
  r.step = step_in_epoch;
  r.steps_per_epoch = iterations_;
  r.epochs = epochs_;
  r.loss = result.loss;
  r.lr = result.lr;
  r.weight_decay = result.weight_decay;
  r.momentum = result.momentum;
  r.teacher_temperature = d.teacher_temperature;
  r.teacher_entropy = d.teacher_entropy;
  r.kl_divergence = d.kl_divergence;
  r.mean_teacher_entropy = d.mean_teacher_entropy;
  r.center_norm = d.center_norm;
  r.center_mean = d.center_mean;
  r.center_std = d.center_std;
  r.center_min = d.center_min;
  r.center_max = d.center_max;
  r.data_seconds = data_seconds;
  r.step_seconds = step_seconds;
  r.memory_bytes = resident_memory_bytes();
  r.device_memory_bytes = device_memory_in_use(device_);
  r.elapsed_seconds = elapsed;
  r.images_per_second = clock_.images_per_second();
  // The evaluations after this epoch and the later ones are still to come.
  const auto evaluations_left = std::count_if(evaluated_after_.begin(), evaluated_after_.end(), [&](int64_t e) { return e >= epoch; });
  r.eta_seconds = clock_.seconds_left(steps_left_ - steps_done_, evaluations_left);
  return r;
}

MetricRecord RunRecords::epoch_summary(int64_t epoch, double mean_loss, const StepResult& last) const {
  MetricRecord r;
  r.kind = MetricRecord::Kind::Epoch;
  r.epoch = epoch;
  r.iteration = (epoch + 1) * iterations_ - 1;
  r.loss = mean_loss;
  r.lr = last.lr;
  r.weight_decay = last.weight_decay;
  r.elapsed_seconds = elapsed_seconds();
  return r;
}

MetricRecord RunRecords::knn(int64_t epochs_done, const KnnResult& result) const {
  MetricRecord r;
  r.kind = MetricRecord::Kind::Knn;
  r.epoch = epochs_done;
  r.iteration = epochs_done * iterations_;
  r.knn_top1 = result.top1;
  r.knn_top5 = result.top5;
  r.elapsed_seconds = elapsed_seconds();
  return r;
}

}  // namespace dino
