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

  void epochsFillTheBudgetWithTheirEvaluations() {
    // 590 s left; one epoch costs 468.5 s of steps, and evaluations run at the start and after
    // every epoch (knn_freq 1): 1 epoch = 468.5 + 2 x 20 = 508.5 s fits, 2 epochs = 937 + 60 does not.
    const BudgetPlan one = plan_time_budget(demo());
    QCOMPARE(one.epochs, int64_t{1});
    QCOMPARE(one.limit_images, int64_t{0});
    QCOMPARE(one.steps, int64_t{937});
    QCOMPARE(one.seconds, 937 * 0.5 + 2 * 20.0);
    // Twenty minutes: 1190 s left. 2 epochs = 937 + 60 = 997 s; 3 = 1405.5 + 80 does not fit.
    BudgetInputs longer = demo();
    longer.budget_seconds = 1200;
    QCOMPARE(plan_time_budget(longer).epochs, int64_t{2});
    // Evaluating only at the start and the end (knn_freq 0): 2 evaluations whatever the epochs.
    longer.knn_freq = 0;
    QCOMPARE(plan_time_budget(longer).seconds, 2 * 468.5 + 2 * 20.0);
    longer.evaluates = false;
    QCOMPARE(plan_time_budget(longer).epochs, int64_t{2});  // 1190 / 468.5 = 2.5
  }

  void aShortBudgetTrainsOneEpochOfFewerImages() {
    BudgetInputs in = demo();
    in.budget_seconds = 300;  // 290 left, 40 of it for the two evaluations: 250 s = 500 steps
    const BudgetPlan plan = plan_time_budget(in);
    QCOMPARE(plan.epochs, int64_t{1});
    QCOMPARE(plan.steps, int64_t{500});
    QCOMPARE(plan.limit_images, int64_t{500 * 64});
    in.budget_seconds = 20;  // not even the evaluations fit: one step still runs
    QCOMPARE(plan_time_budget(in).steps, int64_t{1});
    QCOMPARE(plan_time_budget(in).limit_images, int64_t{64});
  }
};

QTEST_GUILESS_MAIN(TestTimeBudget)
#include "test_time_budget.moc"
