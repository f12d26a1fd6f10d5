#include "dino/loss/teacher_temperature.h"

#include <stdexcept>
#include <string>

namespace dino {

std::vector<double> numpy_linspace(double start, double stop, int64_t num) {
  if (num < 0) throw std::invalid_argument("linspace: negative count " + std::to_string(num));
  std::vector<double> values(static_cast<size_t>(num));
  if (num == 0) return values;
  if (num == 1) {
    values[0] = start;
    return values;
  }
  const double step = (stop - start) / static_cast<double>(num - 1);
  for (int64_t i = 0; i < num; ++i) values[static_cast<size_t>(i)] = static_cast<double>(i) * step + start;
  values.back() = stop;
  return values;
}

std::vector<double> teacher_temperature_schedule(double warmup_temp, double temp, int64_t warmup_epochs,
                                                 int64_t epochs) {
  if (warmup_epochs > epochs)
    throw std::invalid_argument("warmup_teacher_temp_epochs (" + std::to_string(warmup_epochs) +
                                ") exceeds epochs (" + std::to_string(epochs) + ")");
  std::vector<double> schedule = numpy_linspace(warmup_temp, temp, warmup_epochs);
  schedule.resize(static_cast<size_t>(epochs), temp);
  return schedule;
}

}  // namespace dino
