#include "remote/ssh_target.h"

#include "command_line_tool.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>

QJsonObject SshTarget::toJson() const {
  return {{QStringLiteral("host"), host},
          {QStringLiteral("ssh_options"), QJsonArray::fromStringList(sshOptions)},
          {QStringLiteral("program"), program},
          {QStringLiteral("runs_folder"), runsFolder},
          {QStringLiteral("torchrun"), torchrun}};
}

SshTarget SshTarget::fromJson(const QJsonObject& json) {
  SshTarget target;
  target.host = json.value(QStringLiteral("host")).toString();
  for (const auto& option : json.value(QStringLiteral("ssh_options")).toArray()) target.sshOptions << option.toString();
  target.program = json.value(QStringLiteral("program")).toString(target.program);
  target.runsFolder = json.value(QStringLiteral("runs_folder")).toString(target.runsFolder);
  target.torchrun = json.value(QStringLiteral("torchrun")).toString(target.torchrun);
  return target;
}

namespace ssh {
namespace {

QString quoted(const QString& text) {
  QString word = text;
  word.replace(QLatin1Char('\''), QLatin1String("'\\''"));
  return QLatin1Char('\'') + word + QLatin1Char('\'');
}

}  // namespace

QString shellWord(const QString& text) {
  if (text == QLatin1String("~")) return QStringLiteral("\"$HOME\"");
  if (text.startsWith(QLatin1String("~/"))) return QStringLiteral("\"$HOME\"/") + quoted(text.mid(2));
  return quoted(text);
}

QStringList scriptArguments(const SshTarget& target) {
  // Batch mode: a password or host-key question fails at once instead of waiting for an answer
  // nobody can type. Keep-alives tell a dead connection from a quiet run within 15 s.
  // The user's options first: ssh keeps the first value it is given for an option.
  QStringList arguments = target.sshOptions;
  arguments << QStringList{QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                           QStringLiteral("-o"), QStringLiteral("ConnectTimeout=15"),
                           QStringLiteral("-o"), QStringLiteral("ServerAliveInterval=5"),
                           QStringLiteral("-o"), QStringLiteral("ServerAliveCountMax=3")};
  arguments << QStringLiteral("--") << target.host.trimmed() << QStringLiteral("sh -s");
  return arguments;
}

void startScript(QProcess& process, const SshTarget& target, const QString& script) {
  endWithThisApp(process);
  process.start(QStringLiteral("ssh"), scriptArguments(target));
  process.write(script.toUtf8());
  process.closeWriteChannel();
}

QString explainFailure(const SshTarget& target, int exitCode, const QString& errorOutput) {
  return SshFailure::explain(target, exitCode, errorOutput);
}

QString clientFailedToStart(const QString& why) { return SshFailure::clientFailedToStart(why); }

QString requireProgramScript(const QString& version) {
  QString script = QStringLiteral("command -v \"$prog\" >/dev/null 2>&1 || { echo %1 >&2; exit 3; }\n")
                       .arg(shellWord(QString::fromLatin1(kNoProgram)));
  if (!version.isEmpty())  // `dino --version` says "dino (DINO Studio 0.14.0), ..."
    script += QStringLiteral(
                  "v=$(\"$prog\" --version 2>/dev/null | head -n 1)\n"
                  "case \"$v\" in *%1*) ;; *) echo %2 \"$v\" >&2; exit 3;; esac\n")
                  .arg(shellWord(QStringLiteral("(DINO Studio %1)").arg(version)),
                       shellWord(QString::fromLatin1(kOtherVersion)));
  return script;
}

}  // namespace ssh

QString SshFailure::clientFailedToStart(const QString& why) {
  return tr("The ssh client could not be started (%1): install OpenSSH's client.").arg(why);
}

QString SshFailure::explain(const SshTarget& target, int exitCode, const QString& errorOutput) {
  using namespace ssh;
  if (exitCode == 0) return {};
  const QString host = target.host.trimmed();
  const auto says = [&](const char* text) { return errorOutput.contains(QLatin1String(text), Qt::CaseInsensitive); };
  if (says(kOtherVersion)) {
    const qsizetype at = errorOutput.indexOf(QLatin1String(kOtherVersion));
    const QString theirs =
        errorOutput.mid(at + qsizetype(qstrlen(kOtherVersion))).section(QLatin1Char('\n'), 0, 0).trimmed();
    return tr("%1 on %2 is not this app's version (%3; this app is %4): install the same version there, since the "
              "app reads the files it writes.")
        .arg(target.program, host, theirs.isEmpty() ? tr("no version") : theirs,
             QCoreApplication::applicationVersion());
  }
  if (says(kFolderTaken))
    return tr("The folder for this run on %1 already exists (a run of another folder of the same name?): choose a "
              "new folder here, whose name names the one there.")
        .arg(host);
  if (says(kNoProgram))
    return tr("%1 was not found on %2: install DINO Studio's dino there, or give its full path as the program.")
        .arg(target.program, host);
  if (says(kNoTorchrun))
    return tr("%1 was not found on %2: a run of several processes needs torchrun there (it comes with PyTorch), "
              "or give its full path.")
        .arg(target.torchrun, host);
  if (says(kAlreadyRunning))
    return tr("A run is already going in that folder on %1: follow it (File > Follow a Run Folder on the mirror "
              "folder), or choose another folder.")
        .arg(host);
  if (says(kNoFolder))
    return tr("The run's folder on %1 is gone, or cannot be made or entered there (its permissions?).").arg(host);
  if (says(kNoCheckpoint)) return tr("The run on %1 has not saved a checkpoint yet.").arg(host);
  if (says("No space left on device") || says("Disk quota exceeded"))
    return tr("The disk on %1 is full (or your quota there is used up): free space in %2 there, or choose "
              "another folder for runs.")
        .arg(host, target.runsFolder);
  // ssh's own words only when ssh itself failed: a script's "Permission denied" is about a file.
  if (exitCode != 255) {
    const QStringList lines = errorOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString last = lines.isEmpty() ? QString() : lines.constLast().trimmed();
    return last.isEmpty() ? tr("The command on %1 failed with exit code %2.").arg(host).arg(exitCode)
                          : tr("On %1: %2").arg(host, last);
  }
  if (says("Could not resolve hostname"))
    return tr("%1 is not a host this machine knows: check the name, or add it to ~/.ssh/config.").arg(host);
  if (says("Host key verification failed") || says("REMOTE HOST IDENTIFICATION HAS CHANGED"))
    return tr("The host key of %1 is not known here, or it changed: connect once with \"ssh %1\" in a terminal "
              "to check it and accept it.")
        .arg(host);
  if (says("Permission denied"))
    return tr("%1 refused the login: \"ssh %1\" must work without a password. Load your key into ssh-agent, or "
              "name it with IdentityFile in ~/.ssh/config (or with -i in the ssh options).")
        .arg(host);
  if (says("Connection refused"))
    return tr("%1 refused the connection: no SSH server listens there on that port.").arg(host);
  if (says("timed out") || says("No route to host") || says("Network is unreachable"))
    return tr("%1 cannot be reached (no answer, or no route to it): is it on, and is this machine on its "
              "network or VPN?")
        .arg(host);
  if (says("Connection closed") || says("Broken pipe") || says("Connection reset"))
    return tr("The connection to %1 was lost.").arg(host);
  // Anything else: ssh's or the server's own last words.
  QStringList lines = errorOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  const QString last = lines.isEmpty() ? QString() : lines.constLast().trimmed();
  if (exitCode == 255) return last.isEmpty() ? tr("ssh %1 failed.").arg(host) : tr("ssh %1 failed: %2").arg(host, last);
  return last.isEmpty() ? tr("The command on %1 failed with exit code %2.").arg(host).arg(exitCode)
                        : tr("On %1: %2").arg(host, last);
}
