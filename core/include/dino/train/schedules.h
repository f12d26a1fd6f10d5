// The reference's schedules (reference.md §1.5, §1.7), value for value.
#pragma once

#include "dino/loss/teacher_temperature.h"  // numpy_linspace, and the loss's temperature schedule

#include <cstdint>
#include <vector>

namespace dino {

// utils.cosine_scheduler: a linear warm-up from start_warmup_value to base over warmup_epochs
// (endpoint included, so the peak appears twice), then final + (base - final)(1 + cos(pi i / L)) / 2
// for i in [0, L). One value per iteration: epochs * iterations_per_epoch in all.
std::vector<double> cosine_schedule(double base, double final_value, int64_t epochs, int64_t iterations_per_epoch,
                                    int64_t warmup_epochs = 0, double start_warmup_value = 0.0);

// The per-iteration schedules main_dino.py builds (reference.md §1.7): the lr linearly scaled by
// total_batch / 256 with its warm-up from 0 (min_lr not scaled), weight decay, teacher momentum.
struct TrainingSchedules {
  std::vector<double> lr, weight_decay, momentum;
};
struct ScheduleSettings {
  double lr = 0.0005, min_lr = 1e-6;
  int64_t total_batch_size = 64, warmup_epochs = 10;
  double weight_decay = 0.04, weight_decay_end = 0.4;
  double momentum_teacher = 0.996;
  int64_t epochs = 100, iterations_per_epoch = 1;
};
TrainingSchedules training_schedules(const ScheduleSettings& settings);

}  // namespace dino
