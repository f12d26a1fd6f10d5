// CollapseMonitor: the two collapse modes of DINO read off the loss diagnostics, reported only after
// a streak of `patience` steps. Thresholds are fractions of ln K: 5% for the entropies of a
// one-dimension collapse, 95% of ln K for the entropy and 1% for the KL of a uniform one.
#include <dino/session/collapse_monitor.h>

#include <QtTest>

#include <cmath>

using namespace dino;

namespace {

MetricRecord step(int64_t iteration, double teacher_entropy, double mean_teacher_entropy, double kl) {
  MetricRecord r;
  r.kind = MetricRecord::Kind::Step;
  r.iteration = iteration;
  r.teacher_entropy = teacher_entropy;
  r.mean_teacher_entropy = mean_teacher_entropy;
  r.kl_divergence = kl;
  return r;
}

}  // namespace

class TestCollapseMonitor : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void lnKIsTheEntropyOfAUniformOutput() {
    QCOMPARE(CollapseMonitor(65536).ln_k(), 16 * std::log(2.0));  // 11.09: the loss of a uniform start
    QCOMPARE(CollapseMonitor(1024).status().ln_k, 10 * std::log(2.0));
    QCOMPARE(CollapseMonitor(1).ln_k(), std::log(2.0));  // a one-output head is treated as two
  }

  void eachModeHasItsThresholds() {
    const double ln_k = 10 * std::log(2.0);  // 6.93: one-dimension below 0.347, uniform above 6.585 with KL below 0.0693
    QCOMPARE(CollapseMonitor::classify(0.30, 0.30, 5.0, ln_k), CollapseKind::OneDimension);
    QCOMPARE(CollapseMonitor::classify(0.30, 0.40, 5.0, ln_k), CollapseKind::None);  // the batch still spreads
    QCOMPARE(CollapseMonitor::classify(0.40, 0.30, 5.0, ln_k), CollapseKind::None);
    QCOMPARE(CollapseMonitor::classify(6.80, 6.90, 0.05, ln_k), CollapseKind::Uniform);
    QCOMPARE(CollapseMonitor::classify(6.80, 6.90, 0.08, ln_k), CollapseKind::None);  // the student still learns
    QCOMPARE(CollapseMonitor::classify(6.50, 6.90, 0.01, ln_k), CollapseKind::None);  // below 95% of ln K
    QCOMPARE(CollapseMonitor::classify(3.00, 6.00, 1.00, ln_k), CollapseKind::None);  // a healthy step
  }

  void aModeIsReportedAfterPatienceStepsFromTheStreaksStart() {
    CollapseMonitor monitor(1024, /*patience=*/3);
    QCOMPARE(monitor.add(step(9, 3.0, 6.0, 1.0)).kind, CollapseKind::None);
    QCOMPARE(monitor.add(step(10, 6.8, 6.9, 0.01)).kind, CollapseKind::None);
    QCOMPARE(monitor.add(step(11, 6.8, 6.9, 0.01)).kind, CollapseKind::None);
    const auto& status = monitor.add(step(12, 6.8, 6.9, 0.01));
    QCOMPARE(status.kind, CollapseKind::Uniform);
    QCOMPARE(status.since_iteration, int64_t{10});
    QCOMPARE(status.kl, 0.01);  // the last step's numbers
    // Another mode starts its own streak; a healthy step clears the report.
    QCOMPARE(monitor.add(step(13, 0.1, 0.1, 2.0)).kind, CollapseKind::None);
    QCOMPARE(monitor.add(step(14, 0.1, 0.1, 2.0)).kind, CollapseKind::None);
    QCOMPARE(monitor.add(step(15, 0.1, 0.1, 2.0)).kind, CollapseKind::OneDimension);
    QCOMPARE(monitor.status().since_iteration, int64_t{13});
    QCOMPARE(monitor.add(step(16, 3.0, 6.0, 1.0)).kind, CollapseKind::None);
    QCOMPARE(monitor.status().since_iteration, int64_t{-1});
  }

  void onlyStepRecordsCount() {
    CollapseMonitor monitor(1024, /*patience=*/2);
    monitor.add(step(0, 6.8, 6.9, 0.01));
    MetricRecord epoch = step(0, 3.0, 6.0, 1.0);
    epoch.kind = MetricRecord::Kind::Epoch;  // an epoch summary in between does not break the streak
    monitor.add(epoch);
    QCOMPARE(monitor.add(step(1, 6.8, 6.9, 0.01)).kind, CollapseKind::Uniform);
  }
};

QTEST_GUILESS_MAIN(TestCollapseMonitor)
#include "test_collapse_monitor.moc"
