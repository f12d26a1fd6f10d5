// Training from the GUI thread's side: records arrive in order, each once, pause/resume/stop work,
// a failure is reported with its reason, and a run written by another process is followed as it
// grows. (How responsive the event loop stays while a run trains is a figure of the machine:
// tests/ui/bench_event_loop prints it.)
#include "training/run_follower.h"
#include "training/training_controller.h"

#include "demo_settings.h"

#include <dino/api/training_run.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

dino::TrainingConfig tinySettings(const QString& outputDir, int epochs = 1) {
  auto settings = dino::test::demo_settings();
  settings.output_dir = outputDir.toStdString();
  settings.epochs = epochs;
  settings.limit_images = 512;
  settings.batch_size_per_gpu = 32;
  settings.eval_knn = false;
  settings.depth = 1;
  settings.num_workers = 1;
  return settings;
}

}  // namespace

class TestTrainingController : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void recordsArriveInOrderAndEachOnce() {
    QTemporaryDir dir;
    TrainingController controller;
    MetricRecords received;
    connect(&controller, &TrainingController::recordsArrived, this,
            [&received](const MetricRecords& records) { received.append(records); });
    QVERIFY2(controller.start(tinySettings(dir.path(), 2)), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(controller.state() == dino::RunState::Finished, 120000);
    int steps = 0;
    int64_t previous = -1;
    for (const auto& r : received) {
      if (r.kind != dino::MetricRecord::Kind::Step) continue;
      QVERIFY(r.iteration > previous);  // in order, none twice
      previous = r.iteration;
      ++steps;
    }
    QCOMPARE(steps, 2 * 512 / 32);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("checkpoint.pth"))));
  }

  void pauseResumeAndStop() {
    QTemporaryDir dir;
    TrainingController controller;
    QVERIFY(controller.start(tinySettings(dir.path(), 50)));
    QVERIFY(!controller.start(tinySettings(dir.path())));  // one run at a time
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(QStringLiteral("metrics.jsonl"))), 60000);
    controller.pause();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Paused, 30000);
    controller.resume();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Running, 30000);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Stopped, 30000);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("checkpoint.pth"))));  // resumable
  }

  void failuresAreReportedWithTheirReason() {
    QTemporaryDir dir;
    TrainingController controller;
    auto settings = tinySettings(dir.path());
    settings.lr = -1;
    QVERIFY(!controller.start(settings));
    QVERIFY2(controller.lastError().contains(QStringLiteral("--lr")), qPrintable(controller.lastError()));
    settings.lr = 0.001;
    settings.data_path = dir.filePath(QStringLiteral("missing")).toStdString();
    QSignalSpy failed(&controller, &TrainingController::failed);
    QVERIFY(controller.start(settings));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("missing")), qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(controller.state(), dino::RunState::Failed);
  }

  void followsARunWrittenElsewhere() {
    QTemporaryDir dir;
    RunFollower follower;
    QVERIFY(!follower.follow(dir.path()));  // nothing there yet
    QVERIFY(follower.errorString().contains(QStringLiteral("metrics.jsonl")));
    QFile metrics(dir.filePath(QStringLiteral("metrics.jsonl")));
    QVERIFY(metrics.open(QIODevice::WriteOnly));
    metrics.write("{\"kind\":\"step\",\"iteration\":0,\"loss\":9.5}\n{\"kind\":\"step\",\"iteration\":1,\"lo");
    metrics.flush();
    MetricRecords received;
    connect(&follower, &RunFollower::recordsArrived, this, [&received](const MetricRecords& r) { received.append(r); });
    QVERIFY(follower.follow(dir.path()));
    QCOMPARE(received.size(), 1);  // the half-written line waits
    metrics.write("ss\":9.25}\n{\"kind\":\"knn\",\"iteration\":2,\"knn_top1\":50.5}\nnot json\n");
    metrics.flush();
    follower.poll();
    QCOMPARE(received.size(), 3);
    QCOMPARE(received[1].loss, 9.25);
    QCOMPARE(received[2].knn_top1.value_or(0), 50.5);
    // A new run replaced the file: start over.
    QSignalSpy restarted(&follower, &RunFollower::restarted);
    metrics.resize(0);
    metrics.seek(0);
    metrics.write("{\"kind\":\"step\",\"iteration\":0,\"loss\":8}\n");
    metrics.flush();
    follower.poll();
    QCOMPARE(restarted.count(), 1);
    QCOMPARE(received.last().loss, 8.0);
  }
};

QTEST_MAIN(TestTrainingController)
#include "test_training_controller.moc"
