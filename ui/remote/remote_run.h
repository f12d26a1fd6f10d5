// A training run on a server, started and followed over SSH (ssh_target.h). Start sends the
// settings to <runs folder>/<name of the run's folder> there and starts `dino train` detached
// (nohup, setsid; torchrun for several processes), so it survives the connection, the app and the
// laptop sleeping. `dino follow` on the server streams what the run writes; the local output folder
// becomes its mirror: config.json and remote.json (where the run is) at start, then metrics.jsonl,
// train.log and detached.out as they grow there. A dropped connection is reported as such and tried
// again with growing delays, and picks up from the bytes the mirror holds, so no whole line is lost
// or read twice. The app quitting leaves the run going; attach() follows it again later.
#pragma once

#include "remote/ssh_target.h"
#include "training/external_run.h"

#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <functional>

class RemoteRun : public ExternalRun {
  Q_OBJECT

 public:
  explicit RemoteRun(QObject* parent = nullptr);
  ~RemoteRun() override;  // stops following; the run goes on on the server

  void setTarget(const SshTarget& target) { target_ = target; }
  const SshTarget& target() const { return target_; }

  // Asynchronous: false, with `error`, when a run is going, no server is chosen, or the local folder
  // cannot be the mirror (it cannot be made, or holds a run trained here); the server's answer comes
  // later, as ended(error) when the start failed there.
  bool start(const dino::TrainingConfig& settings, bool resuming, QString* error) override;
  // Follows again the run mirrored in `localFolder` (its remote.json says where), from what the
  // mirror already holds. False, with `error`, when the folder is no such mirror.
  bool attach(const QString& localFolder, QString* error);
  // SIGTERM to the run there (it saves and ends) or SIGKILL; a signal the connection cannot carry
  // now is sent on the next reconnect.
  void requestStop() override;
  void kill() override;
  bool isRunning() const override;
  // Stops following without touching the run (the app quitting).
  void detach();
  // Copies the run's checkpoint.pth into the mirror (through a .part file, renamed when whole);
  // checkpointFetched() says how it went.
  void fetchCheckpoint();
  bool isFetching() const { return fetching_; }
  bool isConnected() const { return connected_; }
  QString localFolder() const { return localFolder_; }
  QString remoteFolder() const { return remoteFolder_; }
  // The end of what the run printed before attach() (the mirror's detached.out), a line each.
  const QStringList& earlierOutput() const { return earlierOutput_; }

  // For tests: the delays between reconnections, how long a silent connection is trusted, and the
  // ssh process that follows the run (killing it drops the connection).
  void setReconnectDelays(int firstMs, int maxMs);
  void setSilenceLimit(int ms) { silence_.setInterval(ms); }
  qint64 followProcessId() const;

  static QString mirrorFileName();  // "remote.json"
  // The line the detached shell writes into detached.out before each session of the run.
  static constexpr const char* kSessionMarker = "dino-studio: run started";

 Q_SIGNALS:
  // Connected (again), or lost with the reason and when the next try is.
  void connectionChanged(bool connected, const QString& message);
  void checkpointFetched(const QString& file, const QString& error);

 private:
  enum class Phase { Idle, Starting, Following, Reconnecting, Ended };
  using ScriptDone = std::function<void(int exitCode, const QByteArray& output, const QString& errors)>;

  // Runs `script` on the host; `done` gets ssh's exit code (255 for a connection failure) and what
  // the script printed. A script that has not finished within `timeoutMs` is killed.
  void runScript(const QString& script, ScriptDone done, int timeoutMs = 60000);
  QString enterFolderScript() const;  // sets prog, enters the run's folder or fails with kNoFolder
  // Writes `name` in the mirror whole or not at all; false, with `error` (when given), naming it.
  bool saveMirrorFile(const QString& name, const QByteArray& contents, QString* error) const;
  bool writeMirrorDescription(QString* error);
  bool writeMirrorConfig(const dino::TrainingConfig& settings, QString* error);
  // Opens the mirror's files to append; `serverSizes` (metrics.jsonl, train.log, detached.out there),
  // when known, restarts a file here that is longer than the server's.
  bool openMirror(QString* error, const QList<qint64>& serverSizes = {});
  void follow();
  void readFollowOutput();
  void onFollowFinished(int exitCode, QProcess::ExitStatus status);
  void noteOutput(const QString& line);  // the run's last words: completed, or its error
  void connectionLost(const QString& why);
  void sendPendingSignal(const std::function<void()>& then);
  void finish(const QString& error, bool completed);

  SshTarget target_;
  QString localFolder_, remoteFolder_;
  Phase phase_ = Phase::Idle;
  QPointer<QProcess> follow_;
  QByteArray followBuffer_;
  QString endStatus_;  // "ended <code>", "gone" or "none", once the server said it
  QTimer silence_;     // no word from the server for this long: the connection is dead
  QTimer reconnect_;
  QTimer signalRetry_;  // a signal that did not get through while the run is followed
  int firstDelayMs_ = 2000, maxDelayMs_ = 30000, delayMs_ = 2000;
  bool connected_ = false;
  QString pendingSignal_;  // "TERM" or "KILL", until the server has it
  bool signalInFlight_ = false;
  bool signalFailed_ = false;  // the last signal did not get through: the line says so
  int session_ = 0;            // a start, attach or detach begins a new one: older answers are dropped
  bool fetching_ = false;
  bool stopRequested_ = false, killed_ = false, completed_ = false;
  QString lastError_;  // the run's last "dino: error: ..." line
  QStringList earlierOutput_;
  QFile metrics_, log_, output_;  // the mirror, appended to
};
