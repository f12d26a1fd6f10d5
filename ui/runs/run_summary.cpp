#include "runs/run_summary.h"

#include <dino/session/detached_run.h>

#include <dino/session/collapse_monitor.h>
#include <dino/session/metric_record.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>

namespace {

const QString kNameFile = QStringLiteral("run-name.txt");

// "[2026-12-01 01:44:29.687] [info] ..." as train.log writes each line.
QDateTime logLineTime(const QByteArray& line) {
  if (!line.startsWith('[') || line.size() < 25) return {};
  return QDateTime::fromString(QString::fromLatin1(line.mid(1, 23)), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QDateTime newest(const QDateTime& a, const QDateTime& b) {
  if (!a.isValid()) return b;
  if (!b.isValid()) return a;
  return std::max(a, b);
}

}  // namespace

RunReader::RunReader(const QString& folder) : folder_(QDir(folder).absolutePath()) {}

RunReader::~RunReader() = default;

void RunReader::reset(qint64 outDim) {
  metricsOffset_ = logOffset_ = 0;
  outDim_ = outDim;
  // Without the head's width there is no ln K to read a collapse against.
  collapse_ = outDim >= 2 ? std::make_unique<dino::CollapseMonitor>(outDim) : nullptr;
  trainedSeconds_ = sessionSeconds_ = 0;
  epoch_ = -1;
  epochs_ = steps_ = 0;
  bestKnnTop1_.reset();
  lastEpochDone_ = logExists_ = false;
  logStarted_ = {};
  logDevice_.clear();
  logEnd_ = End::None;
  logFailure_.clear();
}

void RunReader::readMetrics(const QString& file, int64_t configEpochs) {
  QFile metrics(file);
  if (!metrics.open(QIODevice::ReadOnly)) return;
  if (metrics.size() < metricsOffset_) reset(outDim_);  // replaced or truncated: a new run there, both files
  if (epochs_ == 0) epochs_ = configEpochs;
  metrics.seek(metricsOffset_);
  while (!metrics.atEnd()) {
    const QByteArray line = metrics.readLine();
    if (!line.endsWith('\n')) break;  // the line being written: read it whole next time
    metricsOffset_ += line.size();
    const auto record = dino::MetricRecord::from_json(line.toStdString());
    if (!record) continue;
    if (record->elapsed_seconds < sessionSeconds_) {  // a resumed session's clock starts again
      trainedSeconds_ += sessionSeconds_;
      sessionSeconds_ = 0;
    }
    sessionSeconds_ = std::max(sessionSeconds_, record->elapsed_seconds);
    if (record->epochs > 0) epochs_ = record->epochs;
    switch (record->kind) {
      case dino::MetricRecord::Kind::Step:
        ++steps_;
        epoch_ = record->epoch;
        if (collapse_) collapse_->add(*record);
        break;
      case dino::MetricRecord::Kind::Epoch:
        epoch_ = record->epoch;
        lastEpochDone_ = record->epoch + 1 >= epochs_;
        break;
      case dino::MetricRecord::Kind::Knn:
        // The evaluation at initialisation (epoch 0: no epoch trained) measures the random
        // weights, not the run.
        if (record->epoch > 0 && record->knn_top1 && (!bestKnnTop1_ || *record->knn_top1 > *bestKnnTop1_))
          bestKnnTop1_ = record->knn_top1;
        break;
    }
  }
}

void RunReader::readLog(const QString& file) {
  QFile log(file);
  if (!log.open(QIODevice::ReadOnly)) return;
  if (log.size() < logOffset_) {  // replaced: its account starts again
    logOffset_ = 0;
    logStarted_ = {};
    logDevice_.clear();
    logEnd_ = End::None;
    logFailure_.clear();
  }
  logExists_ = true;
  log.seek(logOffset_);
  while (!log.atEnd()) {
    const QByteArray line = log.readLine();
    if (!line.endsWith('\n')) break;
    logOffset_ += line.size();
    if (!logStarted_.isValid()) logStarted_ = logLineTime(line);
    // A session's first line names the device: each start of the run (a resume included) begins
    // a new account of how it ends.
    if (const qsizetype at = line.indexOf("] device: "); at >= 0) {
      logDevice_ = QString::fromUtf8(line.mid(at + 10)).trimmed();
      logEnd_ = End::None;
    } else if (line.contains("] resumed")) {
      logEnd_ = End::None;
    } else if (line.contains("] paused")) {
      logEnd_ = End::Paused;
    } else if (line.contains("] done: checkpoints")) {
      logEnd_ = End::Done;
    } else if (line.contains("] stopped at epoch ")) {
      logEnd_ = End::Stopped;
    } else if (const qsizetype failed = line.indexOf("] failed: "); failed >= 0) {
      logEnd_ = End::Failed;
      logFailure_ = QString::fromUtf8(line.mid(failed + 10)).trimmed();
    }
  }
}

RunSummary RunReader::read(const QDateTime& now) {
  RunSummary run;
  const QDir dir(folder_);
  run.folder = folder_;
  run.name = dir.dirName();
  if (QFile nameFile(dir.filePath(kNameFile)); nameFile.open(QIODevice::ReadOnly)) {
    const QString name = QString::fromUtf8(nameFile.readAll()).trimmed();
    if (!name.isEmpty()) run.name = name;
  }
  const QString configFile = dir.filePath(QStringLiteral("config.json"));
  QFile config(configFile);
  if (!config.open(QIODevice::ReadOnly)) {
    run.status = RunStatus::Unreadable;
    run.error = QCoreApplication::translate("RunSummary", "%1: %2")
                    .arg(QDir::toNativeSeparators(configFile), config.errorString());
    return run;
  }
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(config.readAll(), &parseError);
  if (!document.isObject()) {
    run.status = RunStatus::Unreadable;
    run.error = QCoreApplication::translate("RunSummary", "%1 is not a JSON object: %2")
                    .arg(QDir::toNativeSeparators(configFile), parseError.errorString());
    return run;
  }
  run.settings = document.object();
  run.device = run.settings.value(QStringLiteral("device")).toString();

  // The collapse test depends on ln K: another out_dim reads the steps again.
  const qint64 outDim = run.settings.value(QStringLiteral("out_dim")).toInteger(0);
  if (outDim != outDim_ || (outDim >= 2) != (collapse_ != nullptr)) reset(outDim);
  const QString metricsFile = dir.filePath(QStringLiteral("metrics.jsonl"));
  const QString logFile = dir.filePath(QStringLiteral("train.log"));
  readMetrics(metricsFile, run.settings.value(QStringLiteral("epochs")).toInteger());
  readLog(logFile);
  run.trainedSeconds = trainedSeconds_ + sessionSeconds_;
  run.epoch = epoch_;
  run.epochs = epochs_;
  run.steps = steps_;
  run.bestKnnTop1 = bestKnnTop1_;
  if (!logDevice_.isEmpty()) run.device = logDevice_;
  run.lastWritten = newest(QFileInfo(metricsFile).lastModified(), QFileInfo(logFile).lastModified());
  run.started = logStarted_.isValid() ? logStarted_ : QFileInfo(configFile).lastModified();
  const bool recent = run.lastWritten.isValid() && run.lastWritten.secsTo(now) < run_summary::kStaleSeconds;

  if (collapse_ && collapse_->status().kind != dino::CollapseKind::None) {
    run.status = RunStatus::Collapsed;
  } else if (logEnd_ == End::Failed) {
    run.status = RunStatus::Failed;
    run.error = logFailure_;
  } else if (logEnd_ == End::Done || (!logExists_ && lastEpochDone_)) {
    run.status = RunStatus::Finished;
  } else if (logEnd_ == End::Stopped) {
    run.status = RunStatus::Stopped;
  } else if (logEnd_ == End::Paused) {
    run.status = RunStatus::Paused;
  } else {
    run.status = recent ? RunStatus::Running : RunStatus::Silent;
  }
  // A server's run is copied here only while the app follows it: its quiet copy says nothing of it.
  if (QFile remote(QDir(folder_).filePath(QStringLiteral("remote.json"))); remote.open(QIODevice::ReadOnly)) {
    run.server = QJsonDocument::fromJson(remote.readAll()).object().value(QStringLiteral("host")).toString();
    if (run.status == RunStatus::Silent && !QDir(folder_).exists(QString::fromLatin1(dino::detached_run::kExitFile)))
      run.status = RunStatus::OnServer;
  }
  return run;
}

namespace run_summary {

RunSummary read(const QString& folder, const QDateTime& now) { return RunReader(folder).read(now); }

bool rename(const QString& folder, const QString& name) {
  const QString file = QDir(folder).filePath(kNameFile);
  if (name.trimmed().isEmpty()) return !QFileInfo::exists(file) || QFile::remove(file);
  QSaveFile out(file);  // whole or not at all
  if (!out.open(QIODevice::WriteOnly)) return false;
  out.write(name.trimmed().toUtf8() + '\n');
  return out.commit();
}

QStringList differingSettings(const QList<RunSummary>& runs) {
  QStringList keys;
  for (const auto& run : runs)
    for (const QString& key : run.settings.keys())
      if (!keys.contains(key)) keys << key;
  // Where each run writes its output says nothing of how it trained.
  keys.removeAll(QStringLiteral("output_dir"));
  // Compared with the first run that has settings: an unreadable one has none to differ from.
  const auto firstReadable =
      std::find_if(runs.begin(), runs.end(), [](const RunSummary& run) { return run.status != RunStatus::Unreadable; });
  QStringList differing;
  for (const QString& key : keys) {
    const auto first = firstReadable == runs.end() ? QJsonValue() : firstReadable->settings.value(key);
    for (const auto& run : runs)
      if (run.status != RunStatus::Unreadable && run.settings.value(key) != first) {
        differing << key;
        break;
      }
  }
  return differing;
}

QString valueText(const QJsonValue& value) {
  if (value.isUndefined()) return QStringLiteral("-");
  if (value.isArray()) {
    QStringList items;
    for (const auto& item : value.toArray()) items << item.toVariant().toString();
    return items.join(QLatin1Char(' '));
  }
  return value.toVariant().toString();
}

QString settingsText(const RunSummary& run, const QStringList& keys) {
  QStringList parts;
  for (const QString& key : keys) {
    parts << QStringLiteral("%1 %2").arg(key, valueText(run.settings.value(key)));
  }
  return parts.join(QStringLiteral(", "));
}

QString statusText(RunStatus status) {
  switch (status) {
    case RunStatus::Running:
      return QCoreApplication::translate("RunSummary", "running");
    case RunStatus::Finished:
      return QCoreApplication::translate("RunSummary", "finished");
    case RunStatus::Stopped:
      return QCoreApplication::translate("RunSummary", "stopped");
    case RunStatus::Paused:
      return QCoreApplication::translate("RunSummary", "paused");
    case RunStatus::Failed:
      return QCoreApplication::translate("RunSummary", "failed");
    case RunStatus::Silent:
      return QCoreApplication::translate("RunSummary", "not responding");
    case RunStatus::OnServer:
      return QCoreApplication::translate("RunSummary", "on a server");
    case RunStatus::Collapsed:
      return QCoreApplication::translate("RunSummary", "collapsed");
    case RunStatus::Unreadable:
      return QCoreApplication::translate("RunSummary", "unreadable");
  }
  return {};
}

}  // namespace run_summary
