// RunClock: the rate over the last steps from the steps' own time, and the time left with the
// evaluations still to come. A synthetic run: a slow first step, a k-NN evaluation and a pause
// between steps, each of which an average since the start would have smeared over the rate.
#include <dino/session/run_clock.h>

#include <QtTest>

using dino::RunClock;

class TestRunClock : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void rateIsOverTheLastStepsOnly() {
    RunClock clock(/*window=*/20);
    QCOMPARE(clock.images_per_second(), 0.0);
    clock.add_step(5.0, 32);  // the first step: allocation, warm-up
    QCOMPARE(clock.images_per_second(), 32 / 5.0);
    for (int i = 0; i < 10; ++i) clock.add_step(0.1, 32);
    QCOMPARE(clock.images_per_second(), 11 * 32 / (5.0 + 10 * 0.1));  // 58.7: the slow step still counts
    clock.add_evaluation(60.0);  // a k-NN evaluation between steps is not training time
    for (int i = 0; i < 10; ++i) clock.add_step(0.1, 32);
    // 21 steps seen, 20 kept: the slow one has left the window.
    QCOMPARE(clock.images_per_second(), 320.0);
    QCOMPARE(clock.seconds_per_step(), 0.1);
  }

  void timeLeftCountsStepsAndEvaluationsToCome() {
    RunClock clock(4);
    for (double s : {0.2, 0.2, 0.3, 0.3}) clock.add_step(s, 16);
    QCOMPARE(clock.seconds_left(100, 0), 100 * 0.25);
    QCOMPARE(clock.seconds_left(100, 2), 100 * 0.25);  // no evaluation measured yet: counts nothing
    clock.add_evaluation(40.0);
    QCOMPARE(clock.seconds_left(100, 2), 100 * 0.25 + 2 * 40.0);
    clock.add_evaluation(30.0);  // the last measured counts
    QCOMPARE(clock.seconds_left(10, 1), 10 * 0.25 + 30.0);
    QCOMPARE(clock.seconds_left(0, 0), 0.0);
    QCOMPARE(clock.seconds_left(-3, -1), 0.0);
  }
};

QTEST_GUILESS_MAIN(TestRunClock)
#include "test_run_clock.moc"
