// The reference's schedules (spec §1.5, §1.7), value for value.
#pragma once

#include <cstdint>
#include <vector>

namespace dino {

// numpy.linspace(start, stop, num) with the endpoint: start + i * step, the last value set to stop.
std::vector<double> numpy_linspace(double start, double stop, int64_t num);

// utils.cosine_scheduler: a linear warm-up from start_warmup_value to base over warmup_epochs
// (endpoint included, so the peak appears twice), then final + (base - final)(1 + cos(pi i / L)) / 2
// for i in [0, L). One value per iteration: epochs * iterations_per_epoch in all.
std::vector<double> cosine_schedule(double base, double final_value, int64_t epochs, int64_t iterations_per_epoch,
                                    int64_t warmup_epochs = 0, double start_warmup_value = 0.0);

// DINOLoss.teacher_temp_schedule: per epoch, linspace(warmup_temp, temp, warmup_epochs) and then
// temp for the remaining epochs.
std::vector<double> teacher_temperature_schedule(double warmup_temp, double temp, int64_t warmup_epochs,
                                                 int64_t epochs);

}  // namespace dino
