// A run given a wall-clock budget (--time_budget 10m): chosen once, before the run, from the
// measured time of a step and of a k-NN evaluation, so that the schedules (learning rate, weight
// decay, teacher momentum and temperature) run their whole course within the budget. A budget
// shorter than the recipe keeps its epochs and trains each on fewer images, so warm-ups, the frozen
// last layer and the cosines keep their shape; a longer one adds epochs of all the images. The
// chosen numbers are written to config.json, which a resumed run reads back.
#pragma once

#include <cstdint>
#include <string>

namespace dino {

// "90s", "10m", "1h30m", "2h", "1.5h"; "" or "0" for none. Seconds. Throws ConfigError naming
// --time_budget otherwise.
double parse_time_budget(const std::string& text);

struct BudgetInputs {
  double budget_seconds = 0;
  double spent_seconds = 0;         // already gone: setting up, measuring
  double seconds_per_step = 0;      // measured, data loading included
  double seconds_per_evaluation = 0;  // one k-NN evaluation; 0 without
  int64_t images = 0;               // of the data set (after --limit_images)
  int64_t batch_size = 0;
  int64_t epochs = 1;               // the recipe's --epochs
  int64_t knn_freq = 0;             // --knn_freq (0: at the start and after the last epoch)
  bool evaluates = false;           // k-NN evaluations run (labelled data and --eval_knn)
};

struct BudgetPlan {
  int64_t epochs = 1;
  int64_t limit_images = 0;  // 0: all the images
  int64_t steps = 0;         // epochs x steps per epoch
  double seconds = 0;        // what the plan is expected to take, evaluations included
};

// The most epochs of all the images whose steps and evaluations fit in what is left of the budget,
// when that is at least the recipe's epochs; otherwise the recipe's epochs, each of as many whole
// batches as fit (at least one).
BudgetPlan plan_time_budget(const BudgetInputs& inputs);

struct TrainingConfig;
// Sets `config` to run `plan`, keeping the recipe's shape: with the recipe's epochs only the images
// change; with more, the learning-rate and teacher-temperature warm-ups scale with the epochs (rounded down, but a learning-rate warm-up the recipe had keeps at
// least one epoch when there are two or more); the last layer stays frozen for the recipe's epochs,
// short of the whole run (the reference counts it in epochs whatever the run's length).
void apply_budget_plan(TrainingConfig& config, const BudgetPlan& plan);

}  // namespace dino
