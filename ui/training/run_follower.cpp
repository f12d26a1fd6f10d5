#include "training/run_follower.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

RunFollower::RunFollower(QObject* parent) : QObject(parent) {
  qRegisterMetaType<MetricRecords>();
  // Polling as well as watching: synced folders and network file systems do not always notify.
  timer_.setInterval(500);
  connect(&timer_, &QTimer::timeout, this, &RunFollower::poll);
  connect(&watcher_, &QFileSystemWatcher::fileChanged, this, &RunFollower::poll);
  connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, &RunFollower::poll);
}

bool RunFollower::follow(const QString& folder, qint64 fromOffset) {
  stop();
  const QDir dir(folder);
  if (!dir.exists()) {
    error_ = tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder));
    return false;
  }
  if (!dir.exists(QStringLiteral("metrics.jsonl")) && !dir.exists(QStringLiteral("config.json"))) {
    error_ = tr("%1 holds neither metrics.jsonl nor config.json: is it the output folder of a run?")
                 .arg(QDir::toNativeSeparators(folder));
    return false;
  }
  folder_ = dir.absolutePath();
  offset_ = fromOffset;
  partialLine_.clear();
  watcher_.addPath(folder_);
  const QString metrics = dir.filePath(QStringLiteral("metrics.jsonl"));
  if (QFileInfo::exists(metrics)) watcher_.addPath(metrics);
  timer_.start();
  poll();
  return true;
}

void RunFollower::stop() {
  timer_.stop();
  if (!watcher_.files().isEmpty()) watcher_.removePaths(watcher_.files());
  if (!watcher_.directories().isEmpty()) watcher_.removePaths(watcher_.directories());
  folder_.clear();
}

std::optional<dino::TrainingConfig> RunFollower::settings(QString* error) const {
  const QString file = QDir(folder_).filePath(QStringLiteral("config.json"));
  if (!QFileInfo::exists(file)) {
    if (error) *error = tr("%1 does not exist").arg(QDir::toNativeSeparators(file));
    return std::nullopt;
  }
  dino::TrainingConfig config;
  try {
    config.merge_json_file(file.toStdString());
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return std::nullopt;
  }
  return config;
}

void RunFollower::poll() {
  if (folder_.isEmpty()) return;
  const QString path = QDir(folder_).filePath(QStringLiteral("metrics.jsonl"));
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return;
  if (!watcher_.files().contains(path)) watcher_.addPath(path);
  if (file.size() < offset_) {  // truncated or replaced: start over
    offset_ = 0;
    partialLine_.clear();
    Q_EMIT restarted();
  }
  if (file.size() == offset_) return;
  file.seek(offset_);
  QByteArray data = partialLine_ + file.readAll();
  offset_ = file.pos();
  // Only whole lines: the writer may be in the middle of one.
  const qsizetype lastNewline = data.lastIndexOf('\n');
  partialLine_ = data.mid(lastNewline + 1);
  data.truncate(lastNewline + 1);
  MetricRecords records;
  for (const QByteArray& line : data.split('\n')) {
    if (line.trimmed().isEmpty()) continue;
    if (auto record = dino::MetricRecord::from_json(line.toStdString())) records.append(*record);
  }
  if (!records.isEmpty()) Q_EMIT recordsArrived(records);
}
