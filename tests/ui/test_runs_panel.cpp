// The Runs tab on generated run folders: each status read from the files (finished, running with a
// line still being written, stopped, failed, collapsed, a config.json that is not JSON), the best
// k-NN, the device from train.log, the settings that differ, names kept beside the run, the
// folders found (not too deep, not a run's own subfolders), and a double-click that opens a run.
#include "dashboard/metric_chart.h"
#include "runs/run_catalog.h"
#include "runs/run_comparison.h"
#include "runs/run_summary.h"
#include "runs/runs_panel.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

const QDateTime kHourAgo = QDateTime::currentDateTime().addSecs(-3600);

struct RunFiles {
  QString config = QStringLiteral(R"({"epochs": 2, "lr": 0.001, "out_dim": 64, "device": "auto", "output_dir": "x"})");
  QStringList metrics;  // lines, each written with its newline
  QString unfinishedLine;
  QStringList log;  // train.log's messages, stamped
  bool old = true;  // written an hour ago
};

QString stepLine(int iteration, double teacherEntropy = 2.0, double meanEntropy = 3.9, double kl = 0.5,
                 int stepsPerEpoch = 10) {
  return QStringLiteral(R"({"kind":"step","epoch":%1,"epochs":2,"iteration":%2,"step":%3,"steps_per_epoch":%9,)"
                        R"("loss":%4,"teacher_entropy":%5,"mean_teacher_entropy":%6,"kl":%7,"elapsed":%8})")
      .arg(iteration / stepsPerEpoch)
      .arg(iteration)
      .arg(iteration % stepsPerEpoch)
      .arg(teacherEntropy + kl)
      .arg(teacherEntropy)
      .arg(meanEntropy)
      .arg(kl)
      .arg(iteration * 1.5)
      .arg(stepsPerEpoch);
}

void writeRun(const QString& folder, const RunFiles& files) {
  QDir().mkpath(folder);
  const auto write = [](const QString& path, const QByteArray& data, bool old) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    if (old) {
      QVERIFY(file.open(QIODevice::ReadWrite));  // setFileTime wants an open file
      QVERIFY(file.setFileTime(kHourAgo, QFileDevice::FileModificationTime));
    }
  };
  write(folder + QStringLiteral("/config.json"), files.config.toUtf8(), files.old);
  QByteArray metrics;
  for (const QString& line : files.metrics) metrics += line.toUtf8() + '\n';
  metrics += files.unfinishedLine.toUtf8();
  write(folder + QStringLiteral("/metrics.jsonl"), metrics, files.old);
  if (!files.log.isEmpty()) {
    QByteArray log;
    for (const QString& message : files.log) log += "[2026-11-30 10:00:00.000] [info] " + message.toUtf8() + '\n';
    write(folder + QStringLiteral("/train.log"), log, files.old);
  }
}

// Eight runs under `root`, one of each status.
void writeEightRuns(const QString& root) {
  RunFiles finished;
  for (int i = 0; i < 20; ++i) finished.metrics << stepLine(i);
  finished.metrics << QStringLiteral(R"({"kind":"epoch","epoch":1,"epochs":2,"iteration":19})")
                   << QStringLiteral(R"({"kind":"knn","epoch":0,"knn_top1":58.0})")
                   << QStringLiteral(R"({"kind":"knn","epoch":1,"knn_top1":55.25})");
  finished.log << QStringLiteral("device: cuda:0: NVIDIA H200, 139.8 GiB, compute 9.0")
               << QStringLiteral("dino train: vit_small/16, 20 iterations per epoch")
               << QStringLiteral("done: checkpoints, log.txt and metrics.jsonl in x");
  writeRun(root + QStringLiteral("/finished"), finished);

  RunFiles running;
  running.config = QStringLiteral(R"({"epochs": 2, "lr": 0.002, "out_dim": 64, "device": "cpu", "output_dir": "y"})");
  for (int i = 0; i < 3; ++i) running.metrics << stepLine(i);
  running.unfinishedLine = QStringLiteral(R"({"kind":"step","epoch":0,"iter)");
  running.log << QStringLiteral("dino train: resumed");
  running.old = false;
  writeRun(root + QStringLiteral("/group/running"), running);

  RunFiles stopped = running;
  stopped.unfinishedLine.clear();
  stopped.log << QStringLiteral("stopped at epoch 0, step 3; x/checkpoint.pth resumes there");
  stopped.old = true;
  writeRun(root + QStringLiteral("/group/stopped"), stopped);

  RunFiles silent = stopped;  // stopped once, resumed, then nothing more: killed, or hung
  silent.log = QStringList{QStringLiteral("device: cpu"), QStringLiteral("stopped at epoch 0, step 1; resumes"),
                           QStringLiteral("device: cpu"), QStringLiteral("dino train: resumed")};
  writeRun(root + QStringLiteral("/group/silent"), silent);

  RunFiles failed = stopped;
  failed.log = QStringList{QStringLiteral("device: cpu"), QStringLiteral("failed: loss is nan at epoch 0")};
  writeRun(root + QStringLiteral("/group/failed"), failed);

  RunFiles paused = stopped;
  paused.log = QStringList{QStringLiteral("device: cpu"), QStringLiteral("paused")};
  writeRun(root + QStringLiteral("/group/paused"), paused);

  RunFiles collapsed;  // the teacher's entropy and its batch mean's at 0 for 60 steps (patience 50)
  for (int i = 0; i < 60; ++i) collapsed.metrics << stepLine(i, 0.001, 0.001, 0.0);
  collapsed.log << QStringLiteral("dino train: x");
  writeRun(root + QStringLiteral("/collapsed"), collapsed);

  RunFiles unreadable;
  unreadable.config = QStringLiteral("{\"epochs\": 2,");
  writeRun(root + QStringLiteral("/unreadable"), unreadable);
}

}  // namespace

class TestRunsPanel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
  }

  void eachStatusIsReadFromTheFiles() {
    QTemporaryDir root;
    writeEightRuns(root.path());
    const auto read = [&](const QString& name) { return run_summary::read(root.filePath(name)); };

    const RunSummary finished = read(QStringLiteral("finished"));
    QCOMPARE(finished.status, RunStatus::Finished);
    QCOMPARE(finished.bestKnnTop1.value_or(0), 55.25);  // not the random weights' 58 at initialisation
    QCOMPARE(finished.device, QStringLiteral("cuda:0: NVIDIA H200, 139.8 GiB, compute 9.0"));
    QCOMPARE(finished.steps, int64_t{20});
    QCOMPARE(finished.epoch, int64_t{1});
    QCOMPARE(finished.trainedSeconds, 19 * 1.5);
    QCOMPARE(finished.started, QDateTime(QDate(2026, 11, 30), QTime(10, 0)));

    const RunSummary running = read(QStringLiteral("group/running"));
    QCOMPARE(running.status, RunStatus::Running);
    QCOMPARE(running.steps, int64_t{3});              // the line being written is not counted
    QCOMPARE(running.device, QStringLiteral("cpu"));  // config.json's, with no device line in train.log
    // The same files, read three minutes later with nothing more written: no longer running.
    QCOMPARE(
        run_summary::read(root.filePath(QStringLiteral("group/running")), QDateTime::currentDateTime().addSecs(180))
            .status,
        RunStatus::Silent);

    QCOMPARE(read(QStringLiteral("group/stopped")).status, RunStatus::Stopped);
    QCOMPARE(read(QStringLiteral("group/silent")).status, RunStatus::Silent);  // resumed, then silence
    // The same silence in the mirror of a run on a server says nothing of the run: it is there,
    // not followed; once the mirror holds its end, the run's own account stands again.
    RunFiles mirrored;
    for (int i = 0; i < 3; ++i) mirrored.metrics << stepLine(i);
    writeRun(root.filePath(QStringLiteral("mirror")), mirrored);
    QFile remote(root.filePath(QStringLiteral("mirror/remote.json")));
    QVERIFY(remote.open(QIODevice::WriteOnly));
    remote.write(R"({"host": "gpu-box", "folder": "/srv/runs/mirror"})");
    remote.close();
    const RunSummary onServer = read(QStringLiteral("mirror"));
    QCOMPARE(onServer.status, RunStatus::OnServer);
    QCOMPARE(onServer.server, QStringLiteral("gpu-box"));
    QFile exit(root.filePath(QStringLiteral("mirror/detached.exit")));
    QVERIFY(exit.open(QIODevice::WriteOnly));
    exit.write("0\n");
    exit.close();
    QCOMPARE(read(QStringLiteral("mirror")).status, RunStatus::Silent);
    const RunSummary failed = read(QStringLiteral("group/failed"));
    QCOMPARE(failed.status, RunStatus::Failed);
    QCOMPARE(failed.error, QStringLiteral("loss is nan at epoch 0"));
    QCOMPARE(read(QStringLiteral("group/paused")).status, RunStatus::Paused);
    QCOMPARE(read(QStringLiteral("collapsed")).status, RunStatus::Collapsed);
    const RunSummary unreadable = read(QStringLiteral("unreadable"));
    QCOMPARE(unreadable.status, RunStatus::Unreadable);
    QVERIFY2(unreadable.error.contains(QStringLiteral("config.json")), qPrintable(unreadable.error));
  }

  void aReaderReadsOnlyWhatWasAppended() {
    QTemporaryDir root;
    writeEightRuns(root.path());
    const QString folder = root.filePath(QStringLiteral("group/running"));
    RunReader reader(folder);
    QCOMPARE(reader.read().steps, int64_t{3});
    // The half-written line is finished, two more follow, and a k-NN evaluation.
    QFile metrics(folder + QStringLiteral("/metrics.jsonl"));
    QVERIFY(metrics.open(QIODevice::Append));
    metrics.write("ation\":3,\"step\":3,\"steps_per_epoch\":10,\"loss\":2.5,\"elapsed\":4.5}\n");
    metrics.write(stepLine(4).toUtf8() + '\n' + stepLine(5).toUtf8() + '\n');
    metrics.write("{\"kind\":\"knn\",\"epoch\":1,\"knn_top1\":33.5}\n");
    metrics.close();
    RunSummary again = reader.read();
    QCOMPARE(again.steps, int64_t{6});
    QCOMPARE(again.bestKnnTop1.value_or(0), 33.5);
    QCOMPARE(again.trainedSeconds, 5 * 1.5);
    // A resumed session's clock starts again at 0: its time adds to the first session's.
    QVERIFY(metrics.open(QIODevice::Append));
    metrics.write("{\"kind\":\"step\",\"epoch\":0,\"iteration\":6,\"elapsed\":2}\n");
    metrics.close();
    QCOMPARE(reader.read().trainedSeconds, 5 * 1.5 + 2);
    // Replaced by a shorter file (a new run in the folder): read from its start.
    QVERIFY(metrics.open(QIODevice::WriteOnly | QIODevice::Truncate));
    metrics.write(stepLine(0).toUtf8() + '\n');
    metrics.close();
    again = reader.read();
    QCOMPARE(again.steps, int64_t{1});
    QVERIFY(!again.bestKnnTop1);
  }

  void differingSettingsAndNames() {
    QTemporaryDir root;
    writeEightRuns(root.path());
    QList<RunSummary> runs;
    for (const QString& name : {QStringLiteral("finished"), QStringLiteral("group/running")})
      runs << run_summary::read(root.filePath(name));
    // output_dir differs too, but says nothing of the training.
    const QStringList differing = run_summary::differingSettings(runs);
    QCOMPARE(differing, (QStringList{QStringLiteral("device"), QStringLiteral("lr")}));
    QCOMPARE(run_summary::settingsText(runs[1], differing), QStringLiteral("device cpu, lr 0.002"));

    QCOMPARE(runs[0].name, QStringLiteral("finished"));
    QVERIFY(run_summary::rename(runs[0].folder, QStringLiteral("  baseline, lr 1e-3 ")));
    QCOMPARE(run_summary::read(runs[0].folder).name, QStringLiteral("baseline, lr 1e-3"));
    QVERIFY(run_summary::rename(runs[0].folder, QString()));
    QCOMPARE(run_summary::read(runs[0].folder).name, QStringLiteral("finished"));
  }

  void runFoldersAreFoundThreeLevelsDeep() {
    QTemporaryDir root;
    writeEightRuns(root.path());
    RunFiles deep;
    writeRun(root.filePath(QStringLiteral("a/b/c/too-deep")), deep);
    writeRun(root.filePath(QStringLiteral("a/b/deep-enough")), deep);
    writeRun(root.filePath(QStringLiteral("finished/evaluations/not-a-run")), deep);
    // A run that failed before its first record: config.json and train.log only.
    QDir().mkpath(root.filePath(QStringLiteral("early")));
    QVERIFY(QFile::copy(root.filePath(QStringLiteral("group/failed/config.json")),
                        root.filePath(QStringLiteral("early/config.json"))));
    QVERIFY(QFile::copy(root.filePath(QStringLiteral("group/failed/train.log")),
                        root.filePath(QStringLiteral("early/train.log"))));
    QCOMPARE(run_summary::read(root.filePath(QStringLiteral("early"))).status, RunStatus::Failed);
    QDir().mkpath(root.filePath(QStringLiteral("config-only")));  // a settings file alone is no run
    QVERIFY(QFile::copy(root.filePath(QStringLiteral("early/config.json")),
                        root.filePath(QStringLiteral("config-only/config.json"))));
    QStringList found = RunCatalog::findRunFolders({root.path()});
    for (QString& folder : found) folder = QDir(root.path()).relativeFilePath(folder);
    QCOMPARE(found,
             (QStringList{QStringLiteral("a/b/deep-enough"), QStringLiteral("collapsed"), QStringLiteral("early"),
                          QStringLiteral("finished"), QStringLiteral("group/failed"), QStringLiteral("group/paused"),
                          QStringLiteral("group/running"), QStringLiteral("group/silent"),
                          QStringLiteral("group/stopped"), QStringLiteral("unreadable")}));
  }

  void runsAreOverlaidOnEveryChart() {
    QTemporaryDir root;
    // A: 10 steps an epoch, loss 2.5 (h 2 + KL 0.5); B: 20 steps an epoch (a batch half as big),
    // loss 100 + its step (so that where a step lands on the axis shows), another learning rate.
    RunFiles a, b;
    for (int i = 0; i < 20; ++i) a.metrics << stepLine(i);
    // After the first epoch, as the trainer writes it: the epochs trained so far, and their steps.
    a.metrics << QStringLiteral(R"({"kind":"knn","epoch":1,"iteration":10,"knn_top1":61.5})");
    b.config = QStringLiteral(R"({"epochs": 2, "lr": 0.002, "out_dim": 64, "device": "auto", "output_dir": "b"})");
    for (int i = 0; i < 40; ++i) b.metrics << stepLine(i, 100.0 + i - 0.25, 3.9, 0.25, 20);
    writeRun(root.filePath(QStringLiteral("a")), a);
    writeRun(root.filePath(QStringLiteral("b")), b);
    QList<RunComparison::Run> runs;
    for (const QString& name : {QStringLiteral("a"), QStringLiteral("b")})
      runs << RunComparison::load(run_summary::read(root.filePath(name)));
    QCOMPARE(runs[1].steps.size(), size_t{40});

    RunComparison comparison;
    comparison.setRuns(runs);
    const auto charts = comparison.charts();
    QCOMPARE(charts.size(), 10);
    MetricChart* loss = charts[0];
    QCOMPARE(loss->title(), QStringLiteral("Loss"));
    QCOMPARE(loss->seriesCount(), 2);
    QCOMPARE(loss->pointCount(0), 20);
    QCOMPARE(loss->pointCount(1), 40);
    QCOMPARE(loss->valueAt(0, 7), 2.5);
    QCOMPARE(loss->valueAt(1, 7), 107.0);
    QCOMPARE(charts[1]->pointCount(0), 1);  // A's k-NN evaluation; B has none
    QCOMPARE(charts[1]->pointCount(1), 0);
    QCOMPARE(RunComparison::runColour(0), QColor(0, 114, 178));

    // By epoch each run is divided by its own epoch length: B's step 30 and A's step 15 are both
    // epoch 1.5.
    comparison.setByEpoch(true);
    loss = comparison.charts()[0];
    QCOMPARE(loss->pointCount(1), 40);
    QCOMPARE(loss->valueAt(1, 1.5), 130.0);   // step 30, of 20 an epoch
    QCOMPARE(loss->valueAt(1, 1.49), 129.0);  // step 29 is epoch 1.45
    QCOMPARE(loss->valueAt(1, 0.0), 100.0);
    QVERIFY(std::isnan(loss->valueAt(1, -0.1)));
    // A's k-NN record (iteration 20) takes its epoch length from A's steps: epoch 2.
    QCOMPARE(comparison.charts()[1]->valueAt(0, 1.0), 61.5);
    QVERIFY(std::isnan(comparison.charts()[1]->valueAt(0, 0.9)));
    comparison.setCursor(1.5);
    const QString readout = comparison.cursorReadout();
    QVERIFY2(readout.startsWith(QStringLiteral("epoch 1.5\n")) && readout.contains(QStringLiteral("a: 2.5")) &&
                 readout.contains(QStringLiteral("b: 130")),
             qPrintable(readout));
    // Past the end of A's steps (epoch 1.9), only B has a value.
    comparison.setCursor(1.95);
    QCOMPARE(comparison.cursorReadout(), QStringLiteral("epoch 1.95\nb: 139"));
    comparison.setByEpoch(false);

    // Hide, solo, and solo again for every run.
    comparison.setRunVisible(1, false);
    QCOMPARE(comparison.charts()[0]->seriesCount(), 1);
    comparison.setRunVisible(1, true);
    comparison.solo(1);
    QCOMPARE(comparison.charts()[0]->seriesCount(), 1);
    QVERIFY(!comparison.runVisible(0) && comparison.runVisible(1));
    comparison.solo(1);
    QCOMPARE(comparison.charts()[0]->seriesCount(), 2);

    // Read further as the runs grow: only the new points are added, and a hidden run stays hidden.
    comparison.setRunVisible(1, false);
    QFile grown(root.filePath(QStringLiteral("a/metrics.jsonl")));
    QVERIFY(grown.open(QIODevice::Append));
    for (int i = 20; i < 25; ++i) grown.write(stepLine(i).toUtf8() + '\n');
    grown.close();
    QList<RunComparison::Run> further = comparison.runs();
    for (auto& run : further) RunComparison::readMore(run);
    MetricChart* before = comparison.charts()[0];
    comparison.updateRuns(further);
    QCOMPARE(comparison.charts()[0], before);  // the same chart, not a new one
    QCOMPARE(before->pointCount(0), 25);
    QVERIFY(!comparison.runVisible(1));
    comparison.setRunVisible(1, true);
    // A session resumed from step 3 trains steps 3 on again: they replace the first session's.
    QVERIFY(grown.open(QIODevice::Append));
    grown.write(stepLine(3).toUtf8() + '\n');
    grown.close();
    further = comparison.runs();
    RunComparison::readMore(further[0]);
    QVERIFY(further[0].rewound);
    QCOMPARE(further[0].steps.size(), size_t{4});
    comparison.updateRuns(further);
    QCOMPARE(comparison.charts()[0]->pointCount(0), 4);
    // Back to the first files for what follows.
    QVERIFY(grown.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (int i = 0; i < 20; ++i) grown.write(stepLine(i).toUtf8() + '\n');
    grown.write(R"({"kind":"knn","epoch":1,"iteration":10,"knn_top1":61.5})"
                "\n");
    grown.close();
    runs[0] = RunComparison::load(run_summary::read(root.filePath(QStringLiteral("a"))));
    comparison.setRuns(runs);

    // The settings side by side: lr differs (output_dir says nothing of the training).
    QTableWidget* settings = comparison.settingsTable();
    QCOMPARE(settings->rowCount(), 1);
    QCOMPARE(settings->verticalHeaderItem(0)->text(), QStringLiteral("lr"));
    QCOMPARE(settings->item(0, 1)->text(), QStringLiteral("0.002"));
    QVERIFY(settings->item(0, 0)->font().bold());

    // Figures and a CSV per chart, a column per run.
    QTemporaryDir out;
    QString error;
    const QStringList written = comparison.exportAll(out.path(), 600, 400, 96, &error);
    QVERIFY2(!written.isEmpty(), qPrintable(error));
    QCOMPARE(written.size(), 10 * 4);
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("loss.svg"))));
    QFile csv(out.filePath(QStringLiteral("loss.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 40);  // the header, then steps 0 to 39
    QCOMPARE(lines[0], QStringLiteral("step,\"a\",\"b\""));
    QCOMPARE(lines[1 + 7], QStringLiteral("7,2.5,107"));
    QCOMPARE(lines[1 + 30], QStringLiteral("30,,130"));  // A has no step 30
    // By epoch: B's steps fall between A's.
    comparison.setByEpoch(true);
    QVERIFY2(!comparison.exportAll(out.path(), 600, 400, 96, &error).isEmpty(), qPrintable(error));
    QFile byEpoch(out.filePath(QStringLiteral("loss.csv")));
    QVERIFY(byEpoch.open(QIODevice::ReadOnly));
    const QStringList epochLines = QString::fromUtf8(byEpoch.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(epochLines.size(), 1 + 40);  // A's 20 epoch positions are among B's 40
    QCOMPARE(epochLines[0], QStringLiteral("epoch,\"a\",\"b\""));
    QCOMPARE(epochLines[1 + 3], QStringLiteral("0.15,,103"));     // B's step 3 alone
    QCOMPARE(epochLines[1 + 30], QStringLiteral("1.5,2.5,130"));  // A's step 15 and B's step 30
  }

  void panelListsRenamesAndOpensRuns() {
    QTemporaryDir root;
    writeEightRuns(root.path());
    QSettings().setValue(QStringLiteral("Runs/roots"), QStringList{root.path()});  // not ~/dino-studio-runs
    RunsPanel panel;
    panel.show();  // the runs are read once the tab is shown
    QTableWidget* table = panel.table();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 8, 10000);
    int finishedRow = -1;
    for (int row = 0; row < table->rowCount(); ++row)
      if (panel.folderAt(row).endsWith(QStringLiteral("/finished"))) finishedRow = row;
    QVERIFY(finishedRow >= 0);
    QCOMPARE(table->item(finishedRow, RunsPanel::Status)->text(), QStringLiteral("finished"));
    QCOMPARE(table->item(finishedRow, RunsPanel::BestKnn)->text(), QStringLiteral("55.25%"));
    QCOMPARE(table->item(finishedRow, RunsPanel::Progress)->text(), QStringLiteral("epoch 2 of 2"));
    QCOMPARE(table->item(finishedRow, RunsPanel::Differs)->text(), QStringLiteral("device auto, lr 0.001"));

    // A name typed into the table is kept beside the run.
    const QString folder = panel.folderAt(finishedRow);
    table->item(finishedRow, RunsPanel::Name)->setText(QStringLiteral("baseline"));
    QFile nameFile(folder + QStringLiteral("/run-name.txt"));
    QVERIFY(nameFile.open(QIODevice::ReadOnly));
    QCOMPARE(nameFile.readAll().trimmed(), QByteArray("baseline"));

    // Two rows selected: both on the comparison's charts.
    table->selectRow(0);
    table->selectionModel()->select(table->model()->index(1, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTRY_COMPARE_WITH_TIMEOUT(panel.comparison()->runCount(), 2, 10000);
    QCOMPARE(panel.comparison()->charts()[0]->seriesCount(), 2);

    QSignalSpy opened(&panel, &RunsPanel::openRun);
    Q_EMIT table->cellDoubleClicked(finishedRow, RunsPanel::Status);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), folder);
    // The folders chosen are remembered.
    QCOMPARE(QSettings().value(QStringLiteral("Runs/roots")).toStringList(),
             QStringList{QDir(root.path()).absolutePath()});
  }
};

QTEST_MAIN(TestRunsPanel)
#include "test_runs_panel.moc"
