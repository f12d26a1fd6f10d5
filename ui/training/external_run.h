// A training run that goes on in other processes than the app's own: several `dino train` processes
// on this machine (LaunchedRun), or one started on a server over SSH (RemoteRun). The controller
// drives both alike: start, ask to stop (they save a checkpoint and end; Pause is such a stop and
// Resume a start again from it), kill; records, output lines and the end come back as signals.
#pragma once

#include "training/metric_types.h"

#include <dino/session/training_config.h>

#include <QObject>
#include <QString>

class ExternalRun : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;

  // `resuming`: the same run again after a stop. False, with `error`, when the run cannot even be
  // handed over; what goes wrong later is reported by ended().
  virtual bool start(const dino::TrainingConfig& settings, bool resuming, QString* error) = 0;
  virtual void requestStop() = 0;  // finish the step, save a checkpoint that resumes there, end
  virtual void kill() = 0;         // end at once: the last checkpoint saved stands
  virtual bool isRunning() const = 0;

 Q_SIGNALS:
  void recordsArrived(const MetricRecords& records);
  // What a process printed, a line at a time: rank N of a run of several, or -1 for a run on a server.
  void outputLine(int rank, const QString& line);
  // The run has ended. `error` is empty when nothing failed; `completed`: it trained to its last
  // epoch (rather than stopping early on request).
  void ended(const QString& error, bool completed);
};

// The last words of a run that trained to its last epoch (TrainingSession's), which a stop or a
// failure never writes.
inline bool saysRunCompleted(const QString& line) { return line.contains(QLatin1String(" done: checkpoints")); }

// The error of `dino`'s last line "dino: error: <what>" (which names the file, flag or rank at
// fault); empty for any other line.
inline QString toolError(const QString& line) {
  static const QString prefix = QStringLiteral("dino: error: ");
  return line.startsWith(prefix) ? line.mid(prefix.size()) : QString();
}
