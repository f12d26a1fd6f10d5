#include "dino/session/time_budget.h"

#include "dino/session/training_config.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace dino {

double parse_time_budget(const std::string& text) {
  const auto bad = [&] {
    return ConfigError("--time_budget " + text + ": give a duration such as 90s, 10m, 1h30m or 2h (0 or empty: none)");
  };
  if (text.empty() || text == "0") return 0;
  double total = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
    if (end == i || end == text.size()) throw bad();  // a number, then its unit
    double value = 0;
    try {
      value = std::stod(text.substr(i, end - i));
    } catch (const std::exception&) {
      throw bad();
    }
    const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text[end])));
    if (unit == 'h') total += value * 3600;
    else if (unit == 'm') total += value * 60;
    else if (unit == 's') total += value;
    else throw bad();
    i = end + 1;
  }
  if (!(total > 0) || !std::isfinite(total)) throw bad();
  return total;
}

namespace {

constexpr int64_t kMostEpochs = 100000;  // --epochs' own limit

// Evaluations of a run of `epochs` epochs (at least one): at the start, after every knn_freq-th
// epoch, and after the last.
int64_t evaluations(int64_t epochs, int64_t knn_freq) {
  if (knn_freq <= 0) return 2;
  return 1 + epochs / knn_freq + (epochs % knn_freq != 0 ? 1 : 0);
}

}  // namespace

BudgetPlan plan_time_budget(const BudgetInputs& in) {
  const int64_t batch = std::max<int64_t>(in.batch_size, 1);
  const int64_t steps_per_epoch = std::max<int64_t>(in.images / batch, 1);
  const double step = std::max(in.seconds_per_step, 1e-9);
  const double left = in.budget_seconds - in.spent_seconds;
  auto cost = [&](int64_t epochs, int64_t steps) {
    const double evaluating = in.evaluates ? static_cast<double>(evaluations(epochs, in.knn_freq)) * in.seconds_per_evaluation : 0;
    return static_cast<double>(steps) * step + evaluating;
  };
  BudgetPlan plan;
  // Epochs of all the images grow while the next one still fits (the evaluations change with the count).
  const int64_t recipe = std::clamp<int64_t>(in.epochs, 1, kMostEpochs);
  int64_t epochs = 0;
  while (epochs < kMostEpochs && cost(epochs + 1, (epochs + 1) * steps_per_epoch) <= left) ++epochs;
  if (epochs >= recipe) {
    plan.epochs = epochs;
    plan.steps = epochs * steps_per_epoch;
  } else {  // the recipe's epochs on fewer images: whole batches, at least one
    const double for_steps = left - cost(recipe, 0);
    const int64_t per_epoch = std::clamp<int64_t>(
        static_cast<int64_t>(std::floor(for_steps / (static_cast<double>(recipe) * step))), 1, steps_per_epoch);
    plan.epochs = recipe;
    plan.steps = recipe * per_epoch;
    if (per_epoch < steps_per_epoch) plan.limit_images = per_epoch * batch;
  }
  plan.seconds = cost(plan.epochs, plan.steps);
  return plan;
}

void apply_budget_plan(TrainingConfig& c, const BudgetPlan& plan) {
  const int64_t planned = std::max<int64_t>(c.epochs, 1);
  const int64_t epochs = plan.epochs;
  c.epochs = epochs;
  if (plan.limit_images > 0) c.limit_images = plan.limit_images;
  if (epochs == planned) return;  // the recipe's epochs: only the images an epoch uses change
  const int64_t warmup = std::min(c.warmup_epochs * epochs / planned, epochs);
  c.warmup_epochs = c.warmup_epochs > 0 && epochs >= 2 ? std::max<int64_t>(warmup, 1) : warmup;
  c.warmup_teacher_temp_epochs = std::min(c.warmup_teacher_temp_epochs * epochs / planned, epochs);
  c.freeze_last_layer = std::min(c.freeze_last_layer, epochs - 1);
}

}  // namespace dino
