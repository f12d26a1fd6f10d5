// What the Runs tab says of one run folder (any folder holding config.json and metrics.jsonl,
// written here, by `dino train` on a server, or synced from one): its name, how it stands, when it
// started, how long it trained, its best k-NN accuracy, its device and its settings. Read from the
// files alone, so it works for runs this app never saw start.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

enum class RunStatus {
  Running,    // its files changed within the last minutes and it has not said it ended
  Paused,     // paused in the app that trains it
  Finished,   // it trained to its last epoch
  Stopped,    // it stopped on request with a checkpoint to resume from
  Failed,     // it stopped on an error: `error` says which
  Silent,     // nothing written for minutes and no word of an end: killed, hung, or no longer synced
  OnServer,   // the mirror of a run on a server (remote.json) that the app is not following now
  Collapsed,  // its last steps read as a collapse (CollapseMonitor)
  Unreadable  // config.json cannot be read: `error` says why
};

struct RunSummary {
  QString folder;  // absolute
  QString name;    // run-name.txt in the folder, else the folder's name
  RunStatus status = RunStatus::Failed;
  QString error;  // for Failed and Unreadable
  QDateTime started, lastWritten;
  double trainedSeconds = 0;  // the last record's elapsed time
  int64_t epoch = -1, epochs = 0;
  int64_t steps = 0;  // step records
  std::optional<double> bestKnnTop1;
  QString device;        // as the run described it ("cpu", or train.log's "device:" line)
  QString server;        // the host of a run on a server, from its mirror's remote.json
  QJsonObject settings;  // config.json
};

namespace dino {
class CollapseMonitor;
}

// Reads a run folder again and again, each time only what its files gained since the last time (a
// long run's metrics.jsonl holds a million lines): RunCatalog keeps one per run. A file that
// shrank, or a new out_dim, is read again from its start.
class RunReader {
 public:
  explicit RunReader(const QString& folder);
  ~RunReader();
  RunReader(const RunReader&) = delete;
  RunReader& operator=(const RunReader&) = delete;

  // `now` decides what "recently written" means (tests pass their own).
  RunSummary read(const QDateTime& now = QDateTime::currentDateTime());

 private:
  void reset(qint64 outDim);  // as new: every file read again from its start
  void readMetrics(const QString& file, int64_t configEpochs);
  void readLog(const QString& file);

  QString folder_;
  // metrics.jsonl so far
  qint64 metricsOffset_ = 0;
  qint64 outDim_ = 0;
  std::unique_ptr<dino::CollapseMonitor> collapse_;
  double trainedSeconds_ = 0;  // the sessions before the last, summed (each starts its clock at 0)
  double sessionSeconds_ = 0;  // the last session's
  int64_t epoch_ = -1, epochs_ = 0, steps_ = 0;
  std::optional<double> bestKnnTop1_;
  bool lastEpochDone_ = false;
  // train.log so far
  qint64 logOffset_ = 0;
  bool logExists_ = false;
  QDateTime logStarted_;
  QString logDevice_;
  enum class End { None, Paused, Done, Stopped, Failed } logEnd_ = End::None;
  QString logFailure_;
};

namespace run_summary {

// Two minutes without a write and no word of an end: no longer running.
constexpr qint64 kStaleSeconds = 120;

// The folder read once (RunReader's first read).
RunSummary read(const QString& folder, const QDateTime& now = QDateTime::currentDateTime());

// The name shown for the run; an empty name removes run-name.txt. False when it cannot be written.
bool rename(const QString& folder, const QString& name);

// The settings whose values differ among `runs` (keys in config.json order of the first run, then
// any others), for the table's "differs" column and the comparison.
QStringList differingSettings(const QList<RunSummary>& runs);
// A setting's value as the command line writes it: "0.001", "0.4 1" for a pair, "-" when absent.
QString valueText(const QJsonValue& value);
// "lr 0.001, epochs 10": the run's values of `keys`.
QString settingsText(const RunSummary& run, const QStringList& keys);

QString statusText(RunStatus status);  // translated

}  // namespace run_summary
