// The desktop app's handle on a training run: start, pause, resume and stop from the GUI thread,
// records delivered back to it in batches. A run of one process trains in this process: its thread
// only appends to a locked buffer and posts one queued call; the GUI never waits on a training step
// (conventions: Threads). A run of several (--nproc_per_node) is a LaunchedRun of `dino train`
// processes, and a run on a server a RemoteRun; for both, Pause saves a checkpoint and ends the
// processes, and Resume starts them again from it.
#pragma once

#include "remote/ssh_target.h"
#include "training/metric_types.h"

#include <dino/session/run_state.h>
#include <dino/session/training_config.h>

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <mutex>

namespace dino {
class TrainingRun;
}
class ExternalRun;
class LaunchedRun;
class RemoteRun;

class TrainingController : public QObject {
  Q_OBJECT

 public:
  explicit TrainingController(QObject* parent = nullptr);
  ~TrainingController() override;

  // Settings as config.json's JSON. Returns false, with the reason in lastError(), when the run
  // cannot start (bad settings, or a run already going).
  bool start(const dino::TrainingConfig& settings);
  void pause();
  void resume();
  // The run finishes its step, saves a resumable checkpoint and ends. For a run of several
  // processes, a second stop() while they save ends them at once.
  void stop();
  // The `dino` tool that runs the processes of a run of several (default: commandLineToolPath()).
  void setCommandLineTool(const QString& program);
  // Where the next start() trains: on this machine (an invalid target, the default) or on a server.
  void setServer(const SshTarget& server) { server_ = server; }
  const SshTarget& server() const { return server_; }
  // Follows again a run on a server whose local mirror is `folder` (its remote.json says where),
  // with Pause and Stop acting on it. False, with lastError(), when the folder is no such mirror.
  bool attachToServerRun(const QString& folder);
  // Leaves the run on the server alone (it goes on there) and stops following it: Idle.
  void stopFollowingServerRun();
  // The current (or last) run is on a server: its checkpoint can be fetched, its connection shown.
  bool isOnServer() const;
  bool launchesProcesses() const { return launchedMode_; }  // the run is in other processes
  RemoteRun* serverRun() const { return remote_; }

  dino::RunState state() const { return state_; }
  dino::RunPhase phase() const { return phase_; }
  bool isActive() const { return state_ == dino::RunState::Running || state_ == dino::RunState::Paused; }
  QString lastError() const { return lastError_; }

 Q_SIGNALS:
  void recordsArrived(const MetricRecords& records);
  void stateChanged(dino::RunState state);
  void phaseChanged(dino::RunPhase phase);  // while it runs: loading data, k-NN evaluation, training, saving
  void failed(const QString& message);      // the run stopped on an error (non-finite loss, bad data, ...)
  // A line a process of a run of several printed, or (rank -1) the run on a server (a run in this
  // process logs through dino::log).
  void processOutput(int rank, const QString& line);
  // The connection to the server of a run there: up, or lost with the reason (the run goes on).
  void serverConnectionChanged(bool connected, const QString& message);

 private:
  void deliver();              // GUI thread: hand the buffered records on
  void pollState();            // GUI thread: notice pause, end, failure and the phase
  bool launch(bool resuming);  // (re)starts the processes of launchedSettings_ on external_
  void onLaunchedRecords(const MetricRecords& records);
  void onLaunchedEnded(const QString& error, bool completed);
  void setState(dino::RunState state);
  void setPhase(dino::RunPhase phase);

  std::unique_ptr<dino::TrainingRun> run_;
  std::mutex bufferMutex_;
  MetricRecords buffer_;
  bool deliveryPosted_ = false;  // guarded by bufferMutex_
  QTimer statePoll_;
  LaunchedRun* launched_ = nullptr;  // the run of several processes, when that is what runs
  RemoteRun* remote_ = nullptr;      // the run on a server
  ExternalRun* external_ = nullptr;  // launched_ or remote_, for the current run; else null
  SshTarget server_;
  dino::TrainingConfig launchedSettings_;
  bool launchedMode_ = false;                                      // the current run is external_'s
  enum class Ending { None, Pause, Stop } ending_ = Ending::None;  // what the processes were asked for
  dino::RunState state_ = dino::RunState::Idle;
  dino::RunPhase phase_ = dino::RunPhase::Starting;
  QString lastError_;
};
