// A server the app runs training on, reached with the system's ssh client: the host as the user
// names it (an alias of ~/.ssh/config, user@host, ...), extra ssh options, the dino program there
// and the folder its runs go in. The app has no credentials of its own: ssh runs in batch mode with
// the user's keys and agent, and a prompt it would need becomes a message saying what to set up.
// Every remote action is a POSIX sh script fed to `ssh <host> sh -s`, so the login shell's own
// syntax (bash, zsh, fish) never matters.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QProcess;

struct SshTarget {
  QString host;
  QStringList sshOptions;                            // given to ssh before the host, as typed
  QString program = QStringLiteral("dino");          // the dino tool there: a name on its PATH or a path
  QString runsFolder = QStringLiteral("dino-runs");  // on the server; relative to the home folder
  QString torchrun = QStringLiteral("torchrun");     // for runs of several processes

  bool isValid() const { return !host.trimmed().isEmpty(); }
  QJsonObject toJson() const;
  static SshTarget fromJson(const QJsonObject& json);
  bool operator==(const SshTarget&) const = default;
};

// The words of explainFailure(), in a class for their translations' context.
class SshFailure {
  Q_DECLARE_TR_FUNCTIONS(SshFailure)

 public:
  static QString explain(const SshTarget& target, int exitCode, const QString& errorOutput);
  static QString clientFailedToStart(const QString& why);
};

namespace ssh {

// `text` as one word of a POSIX sh script. A leading "~/" stays outside the quotes so that the
// server's shell makes it the home folder, as a user typing the path would expect.
QString shellWord(const QString& text);

// The arguments that run a script read from standard input on the target's host.
QStringList scriptArguments(const SshTarget& target);

// The lines of a script that stop it, with kNoProgram or kOtherVersion, unless "$prog" is there and
// (when `version` is not empty) is that version of dino.
QString requireProgramScript(const QString& version);

// The message when the ssh client itself cannot be started.
QString clientFailedToStart(const QString& why);

// Starts `ssh` with scriptArguments() and writes `script` to it; the caller connects to finished.
void startScript(QProcess& process, const SshTarget& target, const QString& script);

// What went wrong, in words that say what to do, from ssh's exit code and what it (or the script)
// wrote to standard error. Empty when exitCode is 0.
QString explainFailure(const SshTarget& target, int exitCode, const QString& errorOutput);

// True when the failure is the connection's (ssh's own exit status 255): worth trying again later.
inline bool isConnectionFailure(int exitCode) { return exitCode == 255; }

// The markers the app's scripts write to standard error, read by explainFailure().
inline constexpr const char* kNoProgram = "dino-studio: no program";
inline constexpr const char* kNoTorchrun = "dino-studio: no torchrun";
inline constexpr const char* kAlreadyRunning = "dino-studio: already running";
inline constexpr const char* kNoFolder = "dino-studio: no folder";
inline constexpr const char* kNoCheckpoint = "dino-studio: no checkpoint";
inline constexpr const char* kNotStarted = "dino-studio: not started";
inline constexpr const char* kFolderTaken = "dino-studio: folder taken";
inline constexpr const char* kOtherVersion = "dino-studio: other version";

}  // namespace ssh
