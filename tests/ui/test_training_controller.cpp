// Training from the GUI thread's side: records arrive in order, each once, pause/resume/stop work,
// a failure is reported with its reason, and a run written by another process is followed as it
// grows. The same for a run of several processes, which the controller launches as `dino train`. (How responsive the
// event loop stays while a run trains is a figure of the machine: tests/ui/bench_event_loop prints it.)
#include "log/log_panel.h"
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
  return dino::test::tiny_demo_settings(outputDir.toStdString(), epochs);
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
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("missing")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(controller.state(), dino::RunState::Failed);
  }

  void severalProcessesTrainOneRun() {
    QTemporaryDir dir;
    TrainingController controller;
    controller.setCommandLineTool(QStringLiteral(DINO_CLI_PATH));
    auto settings = tinySettings(dir.path());
    settings.nproc_per_node = 2;
    MetricRecords received;
    connect(&controller, &TrainingController::recordsArrived, this,
            [&received](const MetricRecords& records) { received.append(records); });
    QStringList rank0Lines;
    connect(&controller, &TrainingController::processOutput, this, [&rank0Lines](int rank, const QString& line) {
      if (rank == 0) rank0Lines << line;
    });
    QVERIFY2(controller.start(settings), qPrintable(controller.lastError()));
    QCOMPARE(controller.state(), dino::RunState::Running);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 180000);
    // Rank 0's own account of the run, as the Log tab shows it.
    QVERIFY2(!rank0Lines.filter(QStringLiteral("2 processes (batch 64 in all)")).isEmpty(),
             qPrintable(rank0Lines.join(QLatin1Char('\n'))));
    QCOMPARE(controller.state(), dino::RunState::Finished);
    // Each of the 2 processes reads its half of the 512 images 32 at a time: 8 steps of the global
    // batch of 64, where one process alone would take 16.
    QList<int64_t> iterations;
    for (const auto& r : received) {
      if (r.kind != dino::MetricRecord::Kind::Step) continue;
      QCOMPARE(r.steps_per_epoch, int64_t{8});
      iterations << r.iteration;
    }
    QCOMPARE(iterations, (QList<int64_t>{0, 1, 2, 3, 4, 5, 6, 7}));  // rank 0's records alone, each once
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("checkpoint.pth"))));

    // The next runs in the folder resume from its checkpoint and show their own records only, each
    // once: one process trains epoch 1 in 16 steps of 32 (iterations 16 to 31), then two processes
    // epoch 2 in 8 steps of 64 (iterations 16 to 23 of that epoch length).
    const auto stepIterations = [&received] {
      QList<int64_t> out;
      for (const auto& r : received)
        if (r.kind == dino::MetricRecord::Kind::Step) out << r.iteration;
      return out;
    };
    received.clear();
    settings.nproc_per_node = 1;
    settings.epochs = 2;
    QVERIFY2(controller.start(settings), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 180000);
    QCOMPARE(controller.state(), dino::RunState::Finished);
    QList<int64_t> expected;
    for (int64_t i = 16; i < 32; ++i) expected << i;
    QCOMPARE(stepIterations(), expected);
    received.clear();
    settings.nproc_per_node = 2;
    settings.epochs = 3;
    QVERIFY2(controller.start(settings), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 180000);
    QCOMPARE(controller.state(), dino::RunState::Finished);
    QCOMPARE(stepIterations(), (QList<int64_t>{16, 17, 18, 19, 20, 21, 22, 23}));
  }

  void severalProcessesPauseAsACheckpointAndResumeFromIt() {
    QTemporaryDir dir;
    TrainingController controller;
    controller.setCommandLineTool(QStringLiteral(DINO_CLI_PATH));
    auto settings = tinySettings(dir.path(), 50);
    settings.nproc_per_node = 2;
    MetricRecords received;
    connect(&controller, &TrainingController::recordsArrived, this,
            [&received](const MetricRecords& records) { received.append(records); });
    QVERIFY2(controller.start(settings), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 120000);
    controller.pause();
    QCOMPARE(controller.phase(), dino::RunPhase::Saving);
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Paused, 60000);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("checkpoint.pth"))));
    const int64_t lastBeforePause = received.last().iteration;
    controller.resume();
    QCOMPARE(controller.state(), dino::RunState::Running);
    QTRY_VERIFY_WITH_TIMEOUT(received.last().iteration > lastBeforePause, 120000);
    // Resumed where the checkpoint was: no step is trained (or delivered) twice.
    for (qsizetype i = 1; i < received.size(); ++i)
      if (received[i].kind == dino::MetricRecord::Kind::Step && received[i - 1].kind == dino::MetricRecord::Kind::Step)
        QVERIFY2(received[i].iteration == received[i - 1].iteration + 1,
                 qPrintable(QStringLiteral("%1 after %2").arg(received[i].iteration).arg(received[i - 1].iteration)));
    // Stop pressed while a pause is being saved: the run ends Stopped.
    controller.pause();
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Stopped, 60000);
    const int64_t lastBeforeStop = received.last().iteration;

    // Started again, it resumes at the next step; Stop pressed twice ends the processes at once.
    QVERIFY2(controller.start(settings), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(received.last().iteration > lastBeforeStop, 120000);
    QCOMPARE(received.last().iteration, lastBeforeStop + 1);
    controller.stop();
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Stopped, 30000);

    // Stopped while the processes are still starting: a stop, not a failure.
    QSignalSpy failed(&controller, &TrainingController::failed);
    QVERIFY2(controller.start(settings), qPrintable(controller.lastError()));
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Stopped, 60000);
    QCOMPARE(failed.count(), 0);
  }

  void severalProcessesReportTheFailingProcess() {
    QTemporaryDir dir;
    TrainingController controller;
    controller.setCommandLineTool(dir.filePath(QStringLiteral("no-such-dino")));
    auto settings = tinySettings(dir.path());
    settings.nproc_per_node = 2;
    QVERIFY(!controller.start(settings));
    QVERIFY2(controller.lastError().contains(QStringLiteral("dino")), qPrintable(controller.lastError()));
    QCOMPARE(controller.state(), dino::RunState::Idle);

    // Each process finds the data missing and says so; the message is the process's own.
    controller.setCommandLineTool(QStringLiteral(DINO_CLI_PATH));
    settings.data_path = dir.filePath(QStringLiteral("missing")).toStdString();
    QSignalSpy failed(&controller, &TrainingController::failed);
    QVERIFY(controller.start(settings));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("missing")) && message.startsWith(QStringLiteral("Process ")),
             qPrintable(message));
    QCOMPARE(controller.state(), dino::RunState::Failed);

    // A process that dies without a word (here rank 1, killed at start) ends the run: the survivor,
    // left waiting for it at the rendezvous, is ended after the grace period.
    const QString script = dir.filePath(QStringLiteral("dino-rank1-killed"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("#!/bin/sh\nif [ \"$RANK\" = 1 ]; then kill -KILL $$; fi\nexec '%1' \"$@\"\n")
                   .arg(QStringLiteral(DINO_CLI_PATH))
                   .toUtf8());
    file.close();
    QVERIFY(file.setPermissions(file.permissions() | QFileDevice::ExeOwner));
    controller.setCommandLineTool(script);
    settings = tinySettings(dir.path());
    settings.nproc_per_node = 2;
    QVERIFY(controller.start(settings));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 60000);
    message = failed.at(1).at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("Process 1 of the run crashed")), qPrintable(message));
  }

  void processOutputReadsAsTheLog() {
    LogPanel log;
    log.appendProcessOutput(1, QStringLiteral("\x1b[33m[warning]\x1b[m slow disk"));
    log.appendProcessOutput(0, QStringLiteral("dino: error: --lr (rank 1 against rank 0)"));
    log.appendProcessOutput(0, QStringLiteral("Epoch 0/3 [###...] 1/32"));
    const QStringList lines = log.toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].endsWith(QStringLiteral(" [warning] process 1: slow disk")), qPrintable(lines[0]));
    QVERIFY2(lines[1].endsWith(QStringLiteral(" [error] process 0: --lr (rank 1 against rank 0)")),
             qPrintable(lines[1]));
    QVERIFY2(lines[2].endsWith(QStringLiteral(" [info] process 0: Epoch 0/3 [###...] 1/32")), qPrintable(lines[2]));
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
