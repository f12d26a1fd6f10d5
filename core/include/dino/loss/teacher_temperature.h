// The DINO loss's teacher temperature per epoch (reference.md §1.5), and the numpy.linspace it and the
// training schedules (train/schedules.h) are built from.
#pragma once

#include <cstdint>
#include <vector>

namespace dino {

// numpy.linspace(start, stop, num) with the endpoint: start + i * step, the last value set to stop.
std::vector<double> numpy_linspace(double start, double stop, int64_t num);

// DINOLoss.teacher_temp_schedule: per epoch, linspace(warmup_temp, temp, warmup_epochs) and then
// temp for the remaining epochs.
std::vector<double> teacher_temperature_schedule(double warmup_temp, double temp, int64_t warmup_epochs,
                                                 int64_t epochs);

}  // namespace dino
