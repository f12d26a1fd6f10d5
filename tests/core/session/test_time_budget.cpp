// --time_budget: the durations it reads and the plan it makes from measured step and evaluation
// times, worked by hand for each case.
#include <dino/session/time_budget.h>
#include <dino/session/training_config.h>

#include "error_of.h"

#include <QtTest>

using namespace dino;

class TestTimeBudget : public QObject {
  Q_OBJECT

  static BudgetInputs demo() {
    BudgetInputs in;
    in.budget_seconds = 600;
    in.spent_seconds = 10;
    in.seconds_per_step = 0.5;        // 64 images at 128 images/s
    in.seconds_per_evaluation = 20;
    in.images = 60000;
    in.batch_size = 64;                // 937 steps an epoch: 468.5 s
    in.epochs = 4;                     // the demo's recipe
    in.knn_freq = 1;
    in.evaluates = true;
    return in;
  }

 private Q_SLOTS:
  void durationsAreRead() {
    QCOMPARE(parse_time_budget(""), 0.0);
    QCOMPARE(parse_time_budget("0"), 0.0);
    QCOMPARE(parse_time_budget("90s"), 90.0);
    QCOMPARE(parse_time_budget("10m"), 600.0);
    QCOMPARE(parse_time_budget("1h30m"), 5400.0);
    QCOMPARE(parse_time_budget("1.5h"), 5400.0);
    QCOMPARE(parse_time_budget("2H"), 7200.0);
    for (const char* bad : {"10", "ten minutes", "10x", "m", "-5m", "0s"})
      QVERIFY2(error_of<ConfigError>([&] { parse_time_budget(bad); }).contains("--time_budget"), bad);
    TrainingConfig c;
    c.time_budget = "soon";
    QVERIFY(error_of<ConfigError>([&] { c.validate(); }).contains("--time_budget soon"));
  }

  void aLongBudgetAddsEpochsOfAllTheImages() {
    // An hour: 3590 s left. Epochs of all 937 steps (468.5 s) with an evaluation at the start and
    // after each (knn_freq 1): 7 epochs = 3279.5 + 8 x 20 = 3439.5 s fit, 8 = 3748 + 180 do not.
    BudgetInputs in = demo();
    in.budget_seconds = 3600;
    const BudgetPlan plan = plan_time_budget(in);
    QCOMPARE(plan.epochs, int64_t{7});
    QCOMPARE(plan.limit_images, int64_t{0});
    QCOMPARE(plan.steps, int64_t{7 * 937});
    QCOMPARE(plan.seconds, 7 * 468.5 + 8 * 20.0);
    in.knn_freq = 0;  // evaluations at the start and the end only: 7 x 468.5 + 40 = 3319.5 s; 8 does not fit
    QCOMPARE(plan_time_budget(in).epochs, int64_t{7});
    QCOMPARE(plan_time_budget(in).seconds, 7 * 468.5 + 2 * 20.0);
    in.evaluates = false;  // 3590 / 468.5 = 7.66
    QCOMPARE(plan_time_budget(in).epochs, int64_t{7});
  }

  void aShortBudgetKeepsTheRecipesEpochsOnFewerImages() {
    // Ten minutes: 590 s left, the recipe's 4 epochs with 5 evaluations (100 s) leave 490 s for
    // steps, 245 a epoch of 0.5 s: 245 x 64 images.
    const BudgetPlan plan = plan_time_budget(demo());
    QCOMPARE(plan.epochs, int64_t{4});
    QCOMPARE(plan.steps, int64_t{4 * 245});
    QCOMPARE(plan.limit_images, int64_t{245 * 64});
    QCOMPARE(plan.seconds, 980 * 0.5 + 5 * 20.0);
    BudgetInputs in = demo();
    in.budget_seconds = 20;  // not even the evaluations fit: one batch an epoch still runs
    QCOMPARE(plan_time_budget(in).steps, int64_t{4});
    QCOMPARE(plan_time_budget(in).limit_images, int64_t{64});
  }

  void thePlanKeepsTheRecipesShape() {
    TrainingConfig demo;  // the demo's recipe: 4 epochs, 1 of lr warm-up, the last layer frozen for 1
    demo.epochs = 4;
    demo.warmup_epochs = 1;
    demo.freeze_last_layer = 1;
    demo.warmup_teacher_temp_epochs = 0;
    TrainingConfig shorter = demo;
    apply_budget_plan(shorter, BudgetPlan{4, 15680, 980, 590});
    QCOMPARE(shorter.epochs, int64_t{4});
    QCOMPARE(shorter.limit_images, int64_t{15680});
    QCOMPARE(shorter.warmup_epochs, int64_t{1});
    QCOMPARE(shorter.freeze_last_layer, int64_t{1});
    TrainingConfig longer = demo;
    apply_budget_plan(longer, BudgetPlan{7, 0, 6559, 3439.5});
    QCOMPARE(longer.epochs, int64_t{7});
    QCOMPARE(longer.limit_images, int64_t{0});
    QCOMPARE(longer.warmup_epochs, int64_t{1});      // 1 x 7 / 4, rounded down
    QCOMPARE(longer.freeze_last_layer, int64_t{1});  // epochs, as the reference counts it
    TrainingConfig boost;  // the README's boosted recipe: 300 epochs, 10 of lr and 30 of temperature warm-up
    boost.epochs = 300;
    boost.warmup_epochs = 10;
    boost.warmup_teacher_temp_epochs = 30;
    boost.freeze_last_layer = 1;
    apply_budget_plan(boost, BudgetPlan{600, 0, 0, 0});
    QCOMPARE(boost.warmup_epochs, int64_t{20});
    QCOMPARE(boost.warmup_teacher_temp_epochs, int64_t{60});
    QCOMPARE(boost.freeze_last_layer, int64_t{1});
    boost.validate();  // still consistent
    TrainingConfig one = demo;  // a one-epoch recipe planned on fewer images: only the images change
    one.epochs = 1;
    apply_budget_plan(one, BudgetPlan{1, 6400, 100, 0});
    QCOMPARE(one.limit_images, int64_t{6400});
    QCOMPARE(one.warmup_epochs, int64_t{1});
    QCOMPARE(one.freeze_last_layer, int64_t{1});
  }
};

QTEST_GUILESS_MAIN(TestTimeBudget)
#include "test_time_budget.moc"
