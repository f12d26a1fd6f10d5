#include "runs/run_summary.h"

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

namespace run_summary {
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

// What train.log says: when the run began, its device, and whether its last session ended, and how.
struct LogFacts {
  bool exists = false;
  QDateTime started;
  QString device;
  enum class End { None, Done, Stopped } end = End::None;
};

LogFacts readTrainLog(const QString& file) {
  LogFacts facts;
  QFile log(file);
  if (!log.open(QIODevice::ReadOnly)) return facts;
  facts.exists = true;
  while (!log.atEnd()) {
    const QByteArray line = log.readLine();
    if (!facts.started.isValid()) facts.started = logLineTime(line);
    // Each start of the run (a resume included) begins a new account of how it ends.
    if (line.contains("] dino train: "))
      facts.end = LogFacts::End::None;
    else if (line.contains("] done: checkpoints"))
      facts.end = LogFacts::End::Done;
    else if (line.contains("] stopped at epoch "))
      facts.end = LogFacts::End::Stopped;
    else if (const qsizetype at = line.indexOf("] device: "); at >= 0)
      facts.device = QString::fromUtf8(line.mid(at + 10)).trimmed();
  }
  return facts;
}

}  // namespace

RunSummary read(const QString& folder, const QDateTime& now) {
  RunSummary run;
  const QDir dir(folder);
  run.folder = dir.absolutePath();
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
  run.epochs = run.settings.value(QStringLiteral("epochs")).toInteger();

  const QString metricsFile = dir.filePath(QStringLiteral("metrics.jsonl"));
  const qint64 outDim = std::max<qint64>(2, run.settings.value(QStringLiteral("out_dim")).toInteger(65536));
  dino::CollapseMonitor collapse(outDim);
  bool lastEpochDone = false;
  if (QFile metrics(metricsFile); metrics.open(QIODevice::ReadOnly)) {
    while (!metrics.atEnd()) {
      const QByteArray line = metrics.readLine();
      if (!line.endsWith('\n')) break;  // the line being written: not yet a record
      const auto record = dino::MetricRecord::from_json(line.toStdString());
      if (!record) continue;
      run.trainedSeconds = std::max(run.trainedSeconds, record->elapsed_seconds);
      if (record->epochs > 0) run.epochs = record->epochs;
      switch (record->kind) {
        case dino::MetricRecord::Kind::Step:
          ++run.steps;
          run.epoch = record->epoch;
          collapse.add(*record);
          break;
        case dino::MetricRecord::Kind::Epoch:
          run.epoch = record->epoch;
          lastEpochDone = record->epoch + 1 >= run.epochs;
          break;
        case dino::MetricRecord::Kind::Knn:
          if (record->knn_top1 && (!run.bestKnnTop1 || *record->knn_top1 > *run.bestKnnTop1))
            run.bestKnnTop1 = record->knn_top1;
          break;
      }
    }
  }
  const QString logFile = dir.filePath(QStringLiteral("train.log"));
  const LogFacts log = readTrainLog(logFile);
  if (!log.device.isEmpty()) run.device = log.device;
  run.lastWritten = newest(QFileInfo(metricsFile).lastModified(), QFileInfo(logFile).lastModified());
  run.started = log.started.isValid() ? log.started : QFileInfo(configFile).lastModified();
  const bool recent = run.lastWritten.isValid() && run.lastWritten.secsTo(now) < kStaleSeconds;

  if (collapse.status().kind != dino::CollapseKind::None)
    run.status = RunStatus::Collapsed;
  else if (log.end == LogFacts::End::Done || (!log.exists && lastEpochDone))
    run.status = RunStatus::Finished;
  else if (log.end == LogFacts::End::Stopped)
    run.status = RunStatus::Stopped;
  else if (recent)
    run.status = RunStatus::Running;
  else
    run.status = RunStatus::Failed;
  return run;
}

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
  QStringList differing;
  for (const QString& key : keys) {
    const auto first = runs.isEmpty() ? QJsonValue() : runs.front().settings.value(key);
    for (const auto& run : runs)
      if (run.status != RunStatus::Unreadable && run.settings.value(key) != first) {
        differing << key;
        break;
      }
  }
  return differing;
}

QString settingsText(const RunSummary& run, const QStringList& keys) {
  QStringList parts;
  for (const QString& key : keys) {
    const QJsonValue value = run.settings.value(key);
    QString text;
    if (value.isArray()) {
      QStringList items;
      for (const auto& item : value.toArray()) items << item.toVariant().toString();
      text = items.join(QLatin1Char(' '));
    } else if (value.isUndefined()) {
      text = QStringLiteral("-");
    } else {
      text = value.toVariant().toString();
    }
    parts << QStringLiteral("%1 %2").arg(key, text);
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
    case RunStatus::Failed:
      return QCoreApplication::translate("RunSummary", "failed");
    case RunStatus::Collapsed:
      return QCoreApplication::translate("RunSummary", "collapsed");
    case RunStatus::Unreadable:
      return QCoreApplication::translate("RunSummary", "unreadable");
  }
  return {};
}

}  // namespace run_summary
