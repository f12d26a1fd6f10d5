// What the Runs tab says of one run folder (any folder holding config.json and metrics.jsonl,
// written here, by `dino train` on a server, or synced from one): its name, how it stands, when it
// started, how long it trained, its best k-NN accuracy, its device and its settings. Read from the
// files alone, so it works for runs this app never saw start.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

enum class RunStatus {
  Running,    // its files changed within the last minutes and it has not said it ended
  Finished,   // it trained to its last epoch
  Stopped,    // it stopped on request with a checkpoint to resume from
  Failed,     // it ended without finishing or saving (an error, or the process was killed)
  Collapsed,  // its last steps read as a collapse (CollapseMonitor)
  Unreadable  // config.json cannot be read: the error says why
};

struct RunSummary {
  QString folder;  // absolute
  QString name;    // run-name.txt in the folder, else the folder's name
  RunStatus status = RunStatus::Failed;
  QString error;  // for Unreadable
  QDateTime started, lastWritten;
  double trainedSeconds = 0;  // the last record's elapsed time
  int64_t epoch = -1, epochs = 0;
  int64_t steps = 0;  // step records
  std::optional<double> bestKnnTop1;
  QString device;        // as the run described it ("cpu", or train.log's "device:" line)
  QJsonObject settings;  // config.json
};

namespace run_summary {

// Two minutes without a write and no word of an end: no longer running.
constexpr qint64 kStaleSeconds = 120;

// Reads the folder's files; `now` decides what "recently written" means (tests pass their own).
RunSummary read(const QString& folder, const QDateTime& now = QDateTime::currentDateTime());

// The name shown for the run; an empty name removes run-name.txt. False when it cannot be written.
bool rename(const QString& folder, const QString& name);

// The settings whose values differ among `runs` (keys in config.json order of the first run, then
// any others), for the table's "differs" column and the comparison.
QStringList differingSettings(const QList<RunSummary>& runs);
// "lr 0.001, epochs 10": the run's values of `keys`.
QString settingsText(const RunSummary& run, const QStringList& keys);

QString statusText(RunStatus status);  // translated

}  // namespace run_summary
