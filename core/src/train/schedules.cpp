#include "dino/train/schedules.h"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace dino {

std::vector<double> cosine_schedule(double base, double final_value, int64_t epochs, int64_t iterations_per_epoch,
                                    int64_t warmup_epochs, double start_warmup_value) {
  if (epochs < 0 || iterations_per_epoch < 0 || warmup_epochs < 0)
    throw std::invalid_argument("cosine_schedule: epochs, iterations and warm-up must not be negative");
  const int64_t total = epochs * iterations_per_epoch;
  const int64_t warmup = std::min(warmup_epochs * iterations_per_epoch, total);
  std::vector<double> schedule = numpy_linspace(start_warmup_value, base, warmup);
  const int64_t cosine_length = total - warmup;
  schedule.reserve(static_cast<size_t>(total));
  for (int64_t i = 0; i < cosine_length; ++i) {
    const double angle = std::numbers::pi * static_cast<double>(i) / static_cast<double>(cosine_length);
    schedule.push_back(final_value + 0.5 * (base - final_value) * (1.0 + std::cos(angle)));
  }
  return schedule;
}

TrainingSchedules training_schedules(const ScheduleSettings& s) {
  const double peak_lr = s.lr * static_cast<double>(s.total_batch_size) / 256.0;
  return {cosine_schedule(peak_lr, s.min_lr, s.epochs, s.iterations_per_epoch, s.warmup_epochs),
          cosine_schedule(s.weight_decay, s.weight_decay_end, s.epochs, s.iterations_per_epoch),
          cosine_schedule(s.momentum_teacher, 1.0, s.epochs, s.iterations_per_epoch)};
}

}  // namespace dino
