// The Evaluate tab as a user drives it: k-NN and the linear probe run by the real `dino` program on
// a tiny model and image folders, each recorded beside the run and summarised for the dashboard;
// the probe's accuracy arriving epoch by epoch; Stop; and the messages for what cannot run.
#include "evaluate/evaluate_panel.h"
#include "python_reference.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

class TestEvaluatePanel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    auto written = dino::test::run_reference_script({"write-reference-files", dir_.path()});
    QVERIFY2(written.ok, qPrintable(written.error));
    // Three tinted classes of noisy pictures, train/ and val/.
    QRandomGenerator random(5);
    for (const char* split : {"train", "val"})
      for (int c = 0; c < 3; ++c) {
        const QString folder = dir_.filePath(QStringLiteral("data/%1/class%2").arg(split).arg(c));
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < (QLatin1String(split) == QLatin1String("train") ? 8 : 4); ++i) {
          QImage image(36, 36, QImage::Format_RGB32);
          for (int y = 0; y < 36; ++y)
            for (int x = 0; x < 36; ++x) {
              const int n = static_cast<int>(random.bounded(110));
              image.setPixel(x, y, qRgb(n + (c == 0 ? 140 : 0), n + (c == 1 ? 140 : 0), n + (c == 2 ? 140 : 0)));
            }
          QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(folder).arg(i)));
        }
      }
    run_ = dir_.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(run_));
  }

  // A run without a checkpoint yet: said so, nothing started.
  void runWithoutCheckpointIsNamed() {
    EvaluatePanel panel;
    panel.process()->setProgram(QStringLiteral(DINO_CLI_PATH));
    panel.setRun(run_, dir_.filePath(QStringLiteral("data")));
    panel.useRunCheckpoint();
    QVERIFY(!panel.startEvaluation());
    QVERIFY(!panel.process()->isRunning());
    QVERIFY2(statusText(panel).contains(QLatin1String("no checkpoint yet")), qPrintable(statusText(panel)));
  }

  // k-NN: the record holds what `dino knn` itself prints for the same flags (k = 20 is the figure
  // when asked; every k kept), in the run's evaluations.jsonl and the dashboard's summary.
  void knnIsRecordedBesideTheRun() {
    EvaluatePanel panel;
    panel.process()->setProgram(QStringLiteral(DINO_CLI_PATH));
    panel.setRun(run_, dir_.filePath(QStringLiteral("data")));
    panel.setModelFile(dir_.filePath(QStringLiteral("backbone.pth")));
    panel.setMethod(QStringLiteral("knn"));
    panel.setKnn({5, 20});
    QSignalSpy finished(panel.process(), &EvaluationProcess::finished);
    QSignalSpy summaries(&panel, &EvaluatePanel::evaluationsChanged);
    QVERIFY(panel.startEvaluation());
    QVERIFY2(finished.wait(120000), qPrintable(statusText(panel)));

    QProcess cli;
    cli.start(QStringLiteral(DINO_CLI_PATH), {QStringLiteral("knn"), QStringLiteral("--pretrained_weights"),
                                              dir_.filePath(QStringLiteral("backbone.pth")),
                                              QStringLiteral("--data_path"), dir_.filePath(QStringLiteral("data")),
                                              QStringLiteral("--nb_knn"), QStringLiteral("5"), QStringLiteral("20")});
    QVERIFY(cli.waitForFinished(120000));
    const QString printed = QString::fromUtf8(cli.readAllStandardOutput());
    const auto twenty =
        QRegularExpression(QStringLiteral("20-NN classifier result: Top1: ([0-9.]+), Top5: ([0-9.]+)")).match(printed);
    QVERIFY2(twenty.hasMatch(), qPrintable(printed));

    QCOMPARE(panel.records().size(), 1);
    const EvaluationRecord& r = panel.records().first();
    QCOMPARE(r.method, QStringLiteral("knn"));
    QCOMPARE(r.top1, twenty.captured(1).toDouble());
    QCOMPARE(r.top5, twenty.captured(2).toDouble());
    QCOMPARE(r.knn.size(), 2);
    QCOMPARE(r.knn.at(0).k, 5);
    QCOMPARE(r.knn.at(1), (KnnFigure{20, r.top1, r.top5}));
    const auto five =
        QRegularExpression(QStringLiteral("(?m)^5-NN classifier result: Top1: ([0-9.]+), Top5: ([0-9.]+)"))
            .match(printed);
    QVERIFY(five.hasMatch());
    QCOMPARE(r.knn.at(0).top5, five.captured(2).toDouble());
    QVERIFY2(evaluationDetails(r).contains(QLatin1String("5-NN")), qPrintable(evaluationDetails(r)));
    QCOMPARE(panel.table()->rowCount(), 1);
    QVERIFY(QFile::exists(QDir(run_).filePath(QStringLiteral("evaluations.jsonl"))));
    QVERIFY(!summaries.isEmpty());
    QVERIFY2(summaries.last().first().toString().contains(QLatin1String("k-NN")),
             qPrintable(summaries.last().first().toString()));

    // Another window showing the run reads the same record.
    EvaluatePanel again;
    again.setRun(run_, QString());
    QCOMPARE(again.records().size(), 1);
    QCOMPARE(again.records().first().top1, r.top1);
  }

  // The linear probe: a point per validated epoch as it comes, and the record's figure the best
  // top-1 of the log.txt the probe wrote (read here on its own).
  void linearProbeDrawsEachEpoch() {
    EvaluatePanel panel;
    panel.process()->setProgram(QStringLiteral(DINO_CLI_PATH));
    panel.setRun(run_, dir_.filePath(QStringLiteral("data")));
    panel.setModelFile(dir_.filePath(QStringLiteral("backbone.pth")));
    panel.setMethod(QStringLiteral("linear"));
    panel.setLinear(3, 0.5, 8, 1, true);
    QSignalSpy points(panel.process(), &EvaluationProcess::probePoint);
    QSignalSpy finished(panel.process(), &EvaluationProcess::finished);
    QVERIFY(panel.startEvaluation());
    QVERIFY2(finished.wait(120000), qPrintable(statusText(panel)));
    QCOMPARE(points.size(), 3);
    QCOMPARE(points.at(2).at(0).toInt(), 2);

    const EvaluationRecord r = panel.records().last();
    QCOMPARE(r.method, QStringLiteral("linear"));
    QVERIFY(r.outputFolder.startsWith(QDir(run_).filePath(QStringLiteral("evaluations/linear-"))));
    QFile log(QDir(r.outputFolder).filePath(QStringLiteral("log.txt")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    double best = -1;
    int lines = 0, bestEpoch = -1;
    while (!log.atEnd()) {
      const auto line = QJsonDocument::fromJson(log.readLine()).object();
      if (line[QStringLiteral("test_acc1")].toDouble() > best) {
        best = line[QStringLiteral("test_acc1")].toDouble();
        bestEpoch = line[QStringLiteral("epoch")].toInt();
      }
      ++lines;
    }
    QCOMPARE(lines, 3);
    QCOMPARE(r.bestEpoch, bestEpoch);
    QVERIFY(std::abs(r.top1 - best) < 0.0006);  // printed with three decimals
    QCOMPARE(panel.records().size(), 2);
    QVERIFY(panel.summary().contains(QLatin1String("linear probe")));
  }

  // Stop ends the process, records nothing and leaves no half-trained probe; a missing data folder is
  // named.
  void stopAndFailure() {
    const QString run = newRun(QStringLiteral("stopped"));
    EvaluatePanel panel;
    panel.process()->setProgram(QStringLiteral(DINO_CLI_PATH));
    panel.setRun(run, dir_.filePath(QStringLiteral("data")));
    panel.setModelFile(dir_.filePath(QStringLiteral("backbone.pth")));
    panel.setMethod(QStringLiteral("linear"));
    panel.setLinear(5000, 0.001, 2, 1, false);
    QSignalSpy stopped(panel.process(), &EvaluationProcess::stopped);
    QSignalSpy progress(panel.process(), &EvaluationProcess::progress);
    QVERIFY(panel.startEvaluation());
    QVERIFY(progress.wait(60000));
    panel.stopEvaluation();
    QVERIFY(stopped.wait(10000));
    QVERIFY(!panel.process()->isRunning());
    QCOMPARE(panel.records().size(), 0);
    QVERIFY(
        QDir(QDir(run).filePath(QStringLiteral("evaluations"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());

    panel.setDataPath(dir_.filePath(QStringLiteral("no-such-data")));
    panel.setMethod(QStringLiteral("knn"));
    QSignalSpy failed(panel.process(), &EvaluationProcess::failed);
    QVERIFY(panel.startEvaluation());
    QVERIFY(failed.wait(60000));
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("no-such-data")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(statusText(panel).contains(QLatin1String("no-such-data")));
  }

  // The record goes to the run the evaluation started on, even when another run is shown by the
  // time it ends; the shown run's fields are not reset by the same run announced again.
  void recordStaysWithTheRunItStartedOn() {
    const QString first = newRun(QStringLiteral("first")), second = newRun(QStringLiteral("second"));
    EvaluatePanel panel;
    panel.process()->setProgram(QStringLiteral(DINO_CLI_PATH));
    panel.setRun(first, dir_.filePath(QStringLiteral("data")), 2);
    panel.setModelFile(dir_.filePath(QStringLiteral("backbone.pth")));
    panel.setKnn({5});
    panel.setDataPath(dir_.filePath(QStringLiteral("data")));
    panel.setRun(first, QStringLiteral("elsewhere"), 2);  // announced again after an epoch
    EvaluationRequest asked;
    QString error;
    QVERIFY2(panel.request(&asked, &error), qPrintable(error));
    QCOMPARE(asked.dataPath, dir_.filePath(QStringLiteral("data")));
    QSignalSpy finished(panel.process(), &EvaluationProcess::finished);
    QVERIFY(panel.startEvaluation());
    panel.setRun(second, dir_.filePath(QStringLiteral("data")));
    QVERIFY(finished.wait(120000));
    QCOMPARE(loadEvaluations(first).size(), 1);
    QCOMPARE(loadEvaluations(second).size(), 0);
    QCOMPARE(panel.records().size(), 0);  // the table shows the second run's
  }

  // A line cut short (a full disk) loses only itself: the next record starts on its own line.
  void truncatedLineLosesOnlyItself() {
    const QString run = newRun(QStringLiteral("truncated"));
    EvaluationRecord record;
    record.when = QDateTime::currentDateTime();
    record.method = QStringLiteral("knn");
    record.top1 = 50;
    record.knn = {{20, 50.0, 90.0}};
    QVERIFY(appendEvaluation(run, record));
    QFile file(evaluationsFile(run));
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"when\":\"2026-11-30T10:00:00\",\"meth");
    file.close();
    record.top1 = 60;
    record.knn = {{20, 60.0, 95.0}};
    QVERIFY(appendEvaluation(run, record));
    const auto records = loadEvaluations(run);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.last().top1, 60.0);
    QCOMPARE(records.last().knn, (QList<KnnFigure>{{20, 60.0, 95.0}}));
    QVERIFY2(evaluationSummary(records).contains(QLatin1String("(20-NN)")), qPrintable(evaluationSummary(records)));
  }

  // Closing the panel while a probe runs ends the child at once, with no signal to a panel half gone.
  void destroyedWhileRunning() {
    auto* panel = new EvaluatePanel;
    panel->process()->setProgram(QStringLiteral(DINO_CLI_PATH));
    panel->setRun(newRun(QStringLiteral("destroyed")), dir_.filePath(QStringLiteral("data")));
    panel->setModelFile(dir_.filePath(QStringLiteral("backbone.pth")));
    panel->setMethod(QStringLiteral("linear"));
    panel->setLinear(5000, 0.001, 2, 1, false);
    QVERIFY(panel->startEvaluation());
    QVERIFY(panel->process()->isRunning());
    delete panel;  // must neither crash nor hang
  }

 private:
  static QString statusText(const EvaluatePanel& panel) { return panel.statusText(); }
  QString newRun(const QString& name) {
    const QString folder = dir_.filePath(name);
    QDir().mkpath(folder);
    return folder;
  }

  QTemporaryDir dir_;
  QString run_;
};

QTEST_MAIN(TestEvaluatePanel)
#include "test_evaluate_panel.moc"
