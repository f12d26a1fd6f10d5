// Follows a run this app did not start: the output folder of a `dino train` going elsewhere (or
// synced from a server). New lines of its metrics.jsonl are read as they are appended.
#pragma once

#include "training/metric_types.h"

#include <dino/session/training_config.h>

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

class RunFollower : public QObject {
  Q_OBJECT

 public:
  explicit RunFollower(QObject* parent = nullptr);

  // Starts reading <folder>/metrics.jsonl at byte `fromOffset` (its beginning by default); false,
  // with errorString(), when the folder holds no metrics.jsonl (yet) and no config.json either.
  bool follow(const QString& folder, qint64 fromOffset = 0);
  void stop();
  QString folder() const { return folder_; }
  qint64 offset() const { return offset_; }  // where the next read starts
  QString errorString() const { return error_; }
  // The run's config.json (out_dim for ln K, the settings for the panel); nullopt, with the reason
  // in `error`, when the folder has none or it cannot be read.
  std::optional<dino::TrainingConfig> settings(QString* error = nullptr) const;

  // Reads whatever was appended since the last call; public for tests.
  void poll();

 Q_SIGNALS:
  void recordsArrived(const MetricRecords& records);
  void restarted();  // the file shrank or was replaced: a new run began there

 private:
  QString folder_;
  QString error_;
  qint64 offset_ = 0;
  QByteArray partialLine_;
  QTimer timer_;
  QFileSystemWatcher watcher_;
};
