// A run of several processes on this machine, started by the app the way torchrun's static
// rendezvous starts them: `dino train --config <the settings>` once per rank, each with RANK,
// WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR=127.0.0.1 and a free MASTER_PORT. The
// processes do the rest (docs/distributed.md); rank 0 writes the output folder, whose metrics.jsonl
// is followed for the records. When one process fails, the others (which notice within seconds
// through the rendezvous store) get a grace period to stop on their own and are then killed; the
// failure is reported with the failing rank's own message.
#pragma once

#include "training/external_run.h"
#include "training/run_follower.h"

#include <dino/session/training_config.h>

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <vector>

class LaunchedRun : public ExternalRun {
  Q_OBJECT

 public:
  explicit LaunchedRun(QObject* parent = nullptr);
  ~LaunchedRun() override;  // kills processes still going: the owner asks for a stop first

  void setProgram(const QString& program) { program_ = program; }
  QString program() const { return program_; }

  // Starts settings.nproc_per_node processes. `resuming`: the same run again after a stop (its
  // records are read on from where the last ones ended); otherwise only records written from now
  // on are read, as for a run in the app's own process. False, with `error`, when the program is
  // missing or the settings cannot be handed over; a problem the processes find is reported by
  // ended().
  bool start(const dino::TrainingConfig& settings, bool resuming, QString* error) override;
  // SIGTERM to every process, as Slurm and torchrun end a job: each finishes its step, rank 0 saves
  // a checkpoint that resumes there, and they exit together.
  void requestStop() override;
  // Ends every process at once (a stop that takes too long): the last checkpoint saved stands.
  void kill() override;
  // requestStop(), then waits up to `ms` for the processes (the app quitting); kills what is left.
  void stopAndWait(int ms);
  bool isRunning() const override;
  // After a failure, the time the other processes get to stop on their own before they are killed.
  void setSurvivorsGrace(int ms) { endTheOthers_.setInterval(ms); }

 private:
  struct Rank {
    std::unique_ptr<QProcess> process;
    QByteArray partialLine;
    QStringList lastLines;  // its output's tail, for the message when it fails
  };

  void readOutput(int rank, bool atExit = false);
  void onRankFinished(int rank, int exitCode, QProcess::ExitStatus status);
  void onRankFailedToStart(int rank);
  QString failureOf(int rank, int exitCode, QProcess::ExitStatus status) const;
  void followOutput();
  void finish();

  QString program_;
  QString outputDir_;
  std::unique_ptr<QTemporaryDir> settingsDir_;  // the settings file the processes read at start
  std::vector<Rank> ranks_;
  int running_ = 0;
  bool stopRequested_ = false, killed_ = false;
  bool rank0Completed_ = false;  // rank 0 said it trained to its last epoch
  QString firstFailure_;
  QTimer endTheOthers_;  // after a failure, the survivors' time to stop on their own
  RunFollower follower_;
  qint64 followFrom_ = 0;  // the byte of metrics.jsonl where this run's records begin
  QTimer followRetry_;     // until rank 0 has written the folder's first file
};
