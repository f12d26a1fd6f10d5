#include "remote/remote_run.h"

#include <dino/session/detached_run.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <filesystem>

namespace {

constexpr int kSilenceLimitMs = 20000;  // `dino follow` speaks every 2 s; ssh gives up after 15 s
const QString kMirrorFile = QStringLiteral("remote.json");

QString word(const QString& text) { return ssh::shellWord(text); }
QString word(const char* text) { return ssh::shellWord(QString::fromLatin1(text)); }

}  // namespace

RemoteRun::RemoteRun(QObject* parent) : ExternalRun(parent) {
  silence_.setSingleShot(true);
  silence_.setInterval(kSilenceLimitMs);
  connect(&silence_, &QTimer::timeout, this, [this] {
    if (!follow_) return;
    endStatus_.clear();
    follow_->setProperty("silent", true);
    follow_->kill();  // its end reports the lost connection
  });
  signalRetry_.setSingleShot(true);
  signalRetry_.setInterval(5000);
  connect(&signalRetry_, &QTimer::timeout, this, [this] {
    if (phase_ == Phase::Following) sendPendingSignal({});
  });
  reconnect_.setSingleShot(true);
  connect(&reconnect_, &QTimer::timeout, this, [this] {
    if (phase_ != Phase::Reconnecting) return;
    sendPendingSignal([this] { follow(); });
  });
}

RemoteRun::~RemoteRun() { detach(); }

QString RemoteRun::mirrorFileName() { return kMirrorFile; }

void RemoteRun::setReconnectDelays(int firstMs, int maxMs) {
  firstDelayMs_ = delayMs_ = firstMs;
  maxDelayMs_ = maxMs;
}

qint64 RemoteRun::followProcessId() const { return follow_ ? follow_->processId() : 0; }

bool RemoteRun::isRunning() const {
  return phase_ == Phase::Starting || phase_ == Phase::Following || phase_ == Phase::Reconnecting;
}

void RemoteRun::runScript(const QString& script, ScriptDone done, int timeoutMs) {
  auto* process = new QProcess(this);
  // An answer that comes after detach() or a new start belongs to no one: dropped.
  done = [this, session = session_, done](int code, const QByteArray& output, const QString& errors) {
    if (session == session_) done(code, output, errors);
  };
  auto* timeout = new QTimer(process);
  timeout->setSingleShot(true);
  connect(timeout, &QTimer::timeout, process, [process] { process->kill(); });
  connect(process, &QProcess::finished, this, [process, done](int code, QProcess::ExitStatus status) {
    const QByteArray output = process->readAllStandardOutput();
    const QString errors = QString::fromUtf8(process->readAllStandardError());
    process->deleteLater();
    done(status == QProcess::NormalExit ? code : 255, output, errors);
  });
  connect(process, &QProcess::errorOccurred, this, [process, done](QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;
    process->deleteLater();
    done(255, {}, ssh::clientFailedToStart(process->errorString()));
  });
  ssh::startScript(*process, target_, script);
  timeout->start(timeoutMs);
}

QString RemoteRun::enterFolderScript() const {
  return QStringLiteral("prog=%1\ncd -- %2 2>/dev/null || { echo %3 >&2; exit 4; }\n")
      .arg(word(target_.program), word(remoteFolder_), word(ssh::kNoFolder));
}

bool RemoteRun::saveMirrorFile(const QString& name, const QByteArray& contents, QString* error) const {
  QSaveFile file(QDir(localFolder_).filePath(name));  // whole or not at all
  if (!file.open(QIODevice::WriteOnly) || file.write(contents) < 0 || !file.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
    return false;
  }
  return true;
}

bool RemoteRun::writeMirrorDescription(QString* error) {
  QJsonObject json = target_.toJson();
  json.insert(QStringLiteral("folder"), remoteFolder_);
  return saveMirrorFile(kMirrorFile, QJsonDocument(json).toJson(), error);
}

bool RemoteRun::writeMirrorConfig(const dino::TrainingConfig& settings, QString* error) {
  // The mirror's config.json is the run's, as dino train writes it there: the Runs tab lists it.
  return saveMirrorFile(QStringLiteral("config.json"), QByteArray::fromStdString(settings.to_json()), error);
}

bool RemoteRun::openMirror(QString* error, const QList<qint64>& serverSizes) {
  qsizetype index = 0;
  for (auto [file, name] : {std::pair{&metrics_, "metrics.jsonl"}, std::pair{&log_, "train.log"},
                            std::pair{&output_, dino::detached_run::kOutputFile}}) {
    file->close();
    file->setFileName(QDir(localFolder_).filePath(QString::fromLatin1(name)));
    // Longer here than there: not a copy of the server's file (replaced there since): copy it anew.
    const qint64 there = serverSizes.value(index++, -1);
    const bool anew = there >= 0 && QFileInfo(file->fileName()).size() > there;
    if (!file->open(QIODevice::WriteOnly | (anew ? QIODevice::Truncate : QIODevice::Append))) {
      *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file->fileName()), file->errorString());
      return false;
    }
  }
  return true;
}

bool RemoteRun::start(const dino::TrainingConfig& settings, bool resuming, QString* error) {
  if (isRunning()) {
    *error = tr("A run is already going.");
    return false;
  }
  if (!target_.isValid()) {
    *error = tr("No server is chosen to run on.");
    return false;
  }
  const QDir local(QDir::cleanPath(QFileInfo(QString::fromStdString(settings.output_dir)).absoluteFilePath()));
  if (local.dirName().isEmpty()) {
    *error = tr("The run's folder %1 has no name to give its folder on the server.").arg(local.path());
    return false;
  }
  // Nothing of this run is kept until the start is accepted: a refused one leaves the last run's
  // folders (which Fetch Checkpoint uses) as they were.
  const QString localFolder = local.path();
  const bool mirrored = local.exists(kMirrorFile);
  // The mirror takes the server's files: a run trained here must not be written over.
  for (const char* name : {"metrics.jsonl", "train.log"})
    if (!mirrored && local.exists(QString::fromLatin1(name))) {
      *error = tr("%1 holds a run trained on this machine: choose a new folder for a run on a server.")
                   .arg(QDir::toNativeSeparators(localFolder));
      return false;
    }
  QString remoteFolder;
  if (mirrored) {
    // Started again in its mirror, a run goes on where it is, on its own server.
    QFile description(local.filePath(kMirrorFile));
    const QJsonObject json =
        description.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(description.readAll()).object() : QJsonObject();
    const QString host = json.value(QStringLiteral("host")).toString();
    if (!host.isEmpty() && host != target_.host) {
      *error = tr("%1 is the copy of a run on %2: choose %2 to run on, or a new folder.")
                   .arg(QDir::toNativeSeparators(localFolder), host);
      return false;
    }
    remoteFolder = json.value(QStringLiteral("folder")).toString();
  }
  if (remoteFolder.isEmpty()) {  // a new run goes in the runs folder under the local folder's name
    QString runs = target_.runsFolder.trimmed();
    if (runs.isEmpty()) runs = QStringLiteral("~");
    while (runs.size() > 1 && runs.endsWith(QLatin1Char('/'))) runs.chop(1);
    remoteFolder = runs + QLatin1Char('/') + local.dirName();
  }
  if (!QDir().mkpath(localFolder)) {
    *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(localFolder));
    return false;
  }
  localFolder_ = localFolder;
  remoteFolder_ = remoteFolder;
  (void)resuming;  // a resumed run is started again the same way, from its mirror
  dino::TrainingConfig remote = settings;
  remote.output_dir = remoteFolder_.toStdString();
  remote.dist_url = "env://";  // torchrun's variables say where the processes meet
  const QByteArray remoteSettings = QByteArray::fromStdString(remote.to_json()).trimmed();

  const int processes = static_cast<int>(std::max<int64_t>(1, settings.nproc_per_node));
  // The detached shell (a session and process group of its own): dino train, under torchrun for
  // several processes (given time to save on SIGTERM: its default 30 s can cut a checkpoint short);
  // the ids of that process and of the group, and its exit status when it ends, beside the run's
  // outputs (dino/session/detached_run.h).
  const QString launcher = processes > 1
                               ? QStringLiteral(
                                     "TORCH_ELASTIC_SHUTDOWN_TIMEOUT=600 \"$1\" --standalone --nproc_per_node %1 "
                                     "--no-python \"$0\"")
                                     .arg(processes)
                               : QStringLiteral("\"$0\"");
  // The marker line tells this session's output from an earlier one's in the appended file.
  const QString detached =
      QStringLiteral(
          "echo '%6' >> %3; %1 train --config %2 --output_dir \"$PWD\" >> %3 2>&1 & "
          "echo \"$! $$\" > %4; wait $!; echo $? > %5")
          .arg(launcher, QString::fromLatin1(dino::detached_run::kSettingsFile),
               QString::fromLatin1(dino::detached_run::kOutputFile),
               QString::fromLatin1(dino::detached_run::kProcessFile),
               QString::fromLatin1(dino::detached_run::kExitFile), QString::fromLatin1(kSessionMarker));
  QString script = QStringLiteral("prog=%1\ntorchrun=%2\nfolder=%3\n")
                       .arg(word(target_.program), word(target_.torchrun), word(remoteFolder_));
  script += ssh::requireProgramScript(QCoreApplication::applicationVersion());
  if (processes > 1)
    script += QStringLiteral("command -v \"$torchrun\" >/dev/null 2>&1 || { echo %1 >&2; exit 3; }\n")
                  .arg(word(ssh::kNoTorchrun));
  // A new run's folder there must be new too: the same name from another folder here would resume
  // that other run.
  if (!mirrored)
    script += QStringLiteral("if [ -n \"$(ls -A -- \"$folder\" 2>/dev/null)\" ]; then echo %1 >&2; exit 5; fi\n")
                  .arg(word(ssh::kFolderTaken));
  script += QStringLiteral("mkdir -p -- \"$folder\" && cd -- \"$folder\" || { echo %1 >&2; exit 4; }\n")
                .arg(word(ssh::kNoFolder));
  script +=
      QStringLiteral(
          "if [ -s %1 ] && [ ! -s %2 ]; then set -- $(cat %1); "
          "if kill -0 \"$1\" 2>/dev/null; then echo %3 >&2; exit 5; fi; fi\n")
          .arg(word(dino::detached_run::kProcessFile), word(dino::detached_run::kExitFile), word(ssh::kAlreadyRunning));
  script += QStringLiteral("cat > %1 <<'DINO_STUDIO_SETTINGS_END' || exit 4\n%2\nDINO_STUDIO_SETTINGS_END\n")
                .arg(word(dino::detached_run::kSettingsFile), QString::fromUtf8(remoteSettings));
  // What the files hold before the run appends: where the mirror must stand.
  script += QStringLiteral(
                "size() { if [ -f \"$1\" ]; then wc -c < \"$1\"; else echo 0; fi; }\n"
                "echo \"dino-studio-sizes $(size metrics.jsonl) $(size train.log) $(size %1)\"\n")
                .arg(word(dino::detached_run::kOutputFile));
  script +=
      QStringLiteral("rm -f %1 %2\n").arg(word(dino::detached_run::kProcessFile), word(dino::detached_run::kExitFile));
  script += QStringLiteral("nohup setsid sh -c %1 \"$prog\" \"$torchrun\" > /dev/null 2>&1 < /dev/null &\n")
                .arg(word(detached));
  script += QStringLiteral("n=0; while [ ! -s %1 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done\n")
                .arg(word(dino::detached_run::kProcessFile));
  script += QStringLiteral("[ -s %1 ] || { echo %2 >&2; exit 6; }\necho \"dino-studio-folder $PWD\"\n")
                .arg(word(dino::detached_run::kProcessFile), word(ssh::kNotStarted));

  phase_ = Phase::Starting;
  endStatus_.clear();
  lastError_.clear();
  stopRequested_ = killed_ = completed_ = false;
  pendingSignal_.clear();
  delayMs_ = firstDelayMs_;
  signalInFlight_ = false;
  ++session_;
  // Where the run goes is noted before it is asked for: a start whose answer never comes (the app
  // quit, the connection dropped) still leaves a mirror to follow it from.
  if (!mirrored && (!writeMirrorConfig(remote, error) || !writeMirrorDescription(error))) {
    phase_ = Phase::Idle;
    return false;
  }
  runScript(script, [this, remote, mirrored](int code, const QByteArray& output, const QString& errors) {
    if (phase_ != Phase::Starting) return;
    if (code != 0) {
      // Refused there: this folder is no mirror of anything (unless it already was one).
      if (!mirrored && !ssh::isConnectionFailure(code))
        for (const QString& name : {kMirrorFile, QStringLiteral("config.json")})
          QFile::remove(QDir(localFolder_).filePath(name));
      finish(ssh::explainFailure(target_, code, errors), false);
      return;
    }
    QFile::remove(QDir(localFolder_).filePath(QString::fromLatin1(dino::detached_run::kExitFile)));
    QList<qint64> sizes;
    for (const QByteArray& line : output.split('\n')) {
      if (line.startsWith("dino-studio-folder ")) remoteFolder_ = QString::fromUtf8(line.mid(19));
      if (line.startsWith("dino-studio-sizes "))
        for (const QByteArray& size : line.mid(18).split(' ')) sizes << size.trimmed().toLongLong();
    }
    // The run goes on there whatever happens here: what cannot be written is said, not fatal.
    QString error;
    if (writeMirrorConfig(remote, &error)) writeMirrorDescription(&error);
    if (error.isEmpty()) openMirror(&error, sizes);
    if (!error.isEmpty()) Q_EMIT outputLine(-1, error);
    sendPendingSignal([this] { follow(); });  // a Stop pressed while it started
  });
  return true;
}

bool RemoteRun::attach(const QString& localFolder, QString* error) {
  if (isRunning()) {
    *error = tr("A run is already going.");
    return false;
  }
  const QString description = QDir(localFolder).filePath(kMirrorFile);
  QFile file(description);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = tr("%1 does not say where a run on a server is (%2 missing).")
                 .arg(QDir::toNativeSeparators(localFolder), kMirrorFile);
    return false;
  }
  QJsonParseError parseError;
  const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
  const QString folder = json.object().value(QStringLiteral("folder")).toString();
  target_ = SshTarget::fromJson(json.object());
  if (parseError.error != QJsonParseError::NoError || !target_.isValid() || folder.isEmpty()) {
    *error = tr("%1 is not a description of a run on a server: it needs \"host\" and \"folder\".")
                 .arg(QDir::toNativeSeparators(description));
    return false;
  }
  localFolder_ = QFileInfo(localFolder).absoluteFilePath();
  remoteFolder_ = folder;
  if (!openMirror(error)) return false;
  endStatus_.clear();
  lastError_.clear();
  stopRequested_ = killed_ = completed_ = false;
  // What the run said before, as the lines that arrive now would tell it (and for the log).
  earlierOutput_.clear();
  if (QFile output(output_.fileName()); output.open(QIODevice::ReadOnly)) {
    constexpr qint64 kTailBytes = 64 * 1024;
    const bool cut = output.size() > kTailBytes;
    if (cut) output.seek(output.size() - kTailBytes);
    QList<QByteArray> lines = output.readAll().split('\n');
    if (cut && !lines.isEmpty()) lines.removeFirst();  // begun before the seek
    for (const QByteArray& line : lines) {
      if (line.trimmed().isEmpty()) continue;
      earlierOutput_ << QString::fromUtf8(line);
      noteOutput(earlierOutput_.constLast());
    }
  }
  pendingSignal_.clear();
  signalInFlight_ = false;
  ++session_;
  delayMs_ = firstDelayMs_;
  phase_ = Phase::Reconnecting;  // as after a lost connection: follow from what the mirror holds
  follow();
  return true;
}

void RemoteRun::follow() {
  if (follow_) return;
  phase_ = Phase::Following;
  metrics_.flush();
  log_.flush();
  output_.flush();
  QString script = enterFolderScript();
  script += ssh::requireProgramScript(QCoreApplication::applicationVersion());
  script +=
      QStringLiteral("exec \"$prog\" follow --output_dir \"$PWD\" --metrics_from %1 --log_from %2 --output_from %3\n")
          .arg(metrics_.size())
          .arg(log_.size())
          .arg(output_.size());
  followBuffer_.clear();
  endStatus_.clear();
  follow_ = new QProcess(this);
  connect(follow_, &QProcess::readyReadStandardOutput, this, &RemoteRun::readFollowOutput);
  connect(follow_, &QProcess::finished, this, &RemoteRun::onFollowFinished);
  connect(follow_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;
    const QString why = follow_->errorString();
    follow_->deleteLater();
    follow_ = nullptr;
    finish(ssh::clientFailedToStart(why), false);
  });
  silence_.start();
  ssh::startScript(*follow_, target_, script);
}

void RemoteRun::readFollowOutput() {
  if (!follow_) return;
  silence_.start();
  followBuffer_ += follow_->readAllStandardOutput();
  const qsizetype end = followBuffer_.lastIndexOf('\n');
  if (end < 0) return;
  const QByteArray whole = followBuffer_.left(end + 1);
  followBuffer_.remove(0, end + 1);
  if (!connected_) {
    connected_ = true;
    delayMs_ = firstDelayMs_;
    Q_EMIT connectionChanged(true, tr("Connected to %1.").arg(target_.host));
  }
  MetricRecords records;
  qsizetype begin = 0;
  while (begin < whole.size()) {
    const qsizetype newline = whole.indexOf('\n', begin);
    const QByteArray line = whole.mid(begin, newline - begin);
    begin = newline + 1;
    if (line.size() < 2 || line[1] != ' ') continue;
    const QByteArray text = line.mid(2);
    switch (line[0]) {
      case 'm':
        metrics_.write(text + '\n');
        if (auto record = dino::MetricRecord::from_json(text.toStdString())) records.append(*record);
        break;
      case 'l':
        log_.write(text + '\n');
        break;
      case 'o': {
        output_.write(text + '\n');
        const QString printed = QString::fromUtf8(text);
        noteOutput(printed);
        Q_EMIT outputLine(-1, printed);
        break;
      }
      case 's':
        if (text != "running") endStatus_ = QString::fromUtf8(text);
        break;
      default:
        break;
    }
  }
  metrics_.flush();
  log_.flush();
  output_.flush();
  if (!records.isEmpty()) Q_EMIT recordsArrived(records);
}

void RemoteRun::noteOutput(const QString& line) {
  if (line == QLatin1String(kSessionMarker)) {  // a new session: the last one's words are not this one's
    completed_ = false;
    lastError_.clear();
    return;
  }
  if (saysRunCompleted(line)) completed_ = true;
  if (const QString error = toolError(line); !error.isEmpty()) lastError_ = error;
}

void RemoteRun::onFollowFinished(int exitCode, QProcess::ExitStatus status) {
  readFollowOutput();
  const bool silent = follow_->property("silent").toBool();
  const QString errors = QString::fromUtf8(follow_->readAllStandardError());
  follow_->deleteLater();
  follow_ = nullptr;
  silence_.stop();
  if (phase_ != Phase::Following) return;  // detached, or ended otherwise
  const QString host = target_.host;
  if (endStatus_.startsWith(QLatin1String("ended "))) {
    bool ok = false;
    const int code = endStatus_.mid(6).trimmed().toInt(&ok);
    if (ok && code == 0) return finish({}, completed_);
    // Asked to stop, it ended: by its own handler, by the signal itself before dino train had set one
    // up (128 + 15), or as torchrun ends after passing a SIGTERM on (status 1). Its own error stands.
    if (killed_ || (stopRequested_ && lastError_.isEmpty())) return finish({}, false);
    finish(!lastError_.isEmpty() ? tr("On %1: %2").arg(host, lastError_)
                                 : tr("The run on %1 exited with code %2.").arg(host, endStatus_.mid(6).trimmed()),
           false);
    return;
  }
  if (endStatus_ == QLatin1String("gone")) {
    if (killed_) return finish({}, false);  // its whole process group, the waiting shell with it
    return finish(tr("The run on %1 ended without an exit status: its process was killed (out of memory?), or the "
                     "server restarted. Its last checkpoint stands: Start resumes from it.")
                      .arg(host),
                  false);
  }
  if (endStatus_ == QLatin1String("none"))
    return finish(tr("No run was started in %1 on %2.").arg(remoteFolder_, host), false);
  if (silent) return connectionLost(tr("no word from %1 for %2 s").arg(host).arg(silence_.interval() / 1000));
  if (status == QProcess::CrashExit || ssh::isConnectionFailure(exitCode))
    return connectionLost(ssh::explainFailure(target_, 255, errors));
  // dino there changed (another version, or gone): the run may well go on; it cannot be followed.
  if (errors.contains(QLatin1String(ssh::kOtherVersion)) || errors.contains(QLatin1String(ssh::kNoProgram)))
    return connectionLost(tr("cannot follow the run: %1").arg(ssh::explainFailure(target_, exitCode, errors)));
  // The server answered, but the run's folder is gone.
  finish(ssh::explainFailure(target_, exitCode, errors), false);
}

void RemoteRun::connectionLost(const QString& why) {
  connected_ = false;
  phase_ = Phase::Reconnecting;
  Q_EMIT connectionChanged(false, tr("Connection to %1 lost (%2); the run goes on there. Trying again in %3 s.")
                                      .arg(target_.host, why)
                                      .arg((delayMs_ + 999) / 1000));
  reconnect_.start(delayMs_);
  delayMs_ = std::min(maxDelayMs_, delayMs_ * 2);
}

void RemoteRun::requestStop() {
  if (!isRunning()) return;
  stopRequested_ = true;
  if (pendingSignal_.isEmpty()) pendingSignal_ = QStringLiteral("TERM");
  if (phase_ == Phase::Following) sendPendingSignal({});
}

void RemoteRun::kill() {
  if (!isRunning()) return;
  stopRequested_ = killed_ = true;
  pendingSignal_ = QStringLiteral("KILL");
  if (phase_ == Phase::Following) sendPendingSignal({});
}

void RemoteRun::sendPendingSignal(const std::function<void()>& then) {
  if (pendingSignal_.isEmpty() || signalInFlight_) {
    if (then) then();
    return;
  }
  const QString signal = pendingSignal_;
  // TERM to dino train (or torchrun, which passes it on); KILL to the whole process group, so that
  // torchrun's workers and the waiting shell go too.
  QString script = enterFolderScript();
  script +=
      QStringLiteral("[ -s %1 ] || { echo %2 >&2; exit 6; }\n[ -s %3 ] && exit 0\nset -- $(cat %1)\n")
          .arg(word(dino::detached_run::kProcessFile), word(ssh::kNotStarted), word(dino::detached_run::kExitFile));
  // torchrun starts each worker in a session of its own: their groups first, then the shell's.
  script += signal == QLatin1String("KILL")
                ? QStringLiteral(
                      "for c in $(pgrep -P \"$1\" 2>/dev/null); do kill -KILL -- \"-$c\" 2>/dev/null; done\n"
                      "kill -KILL -- \"-$2\" 2>/dev/null || kill -KILL \"$1\"\n")
                : QStringLiteral("kill -TERM \"$1\"\n");
  signalInFlight_ = true;
  runScript(script, [this, signal, then](int code, const QByteArray&, const QString& errors) {
    signalInFlight_ = false;
    bool retryLater = false;
    if (code == 0 || !ssh::isConnectionFailure(code)) {
      if (pendingSignal_ == signal) pendingSignal_.clear();
      if (signalFailed_ && connected_) Q_EMIT connectionChanged(true, tr("Connected to %1.").arg(target_.host));
      signalFailed_ = false;
      // The process may have ended between the two tests: kill then finds nobody, which is fine.
      if (code != 0 && !errors.contains(QLatin1String("No such process")))
        Q_EMIT outputLine(-1, ssh::explainFailure(target_, code, errors));
    } else {
      retryLater = true;
      signalFailed_ = true;
      Q_EMIT connectionChanged(false, tr("Could not reach %1 to stop the run: %2 Trying again.")
                                          .arg(target_.host, ssh::explainFailure(target_, code, errors)));
    }
    if (then) then();
    // A signal asked for meanwhile (KILL after TERM), or one that did not get through while the run
    // is followed (a reconnection sends it otherwise).
    if (!pendingSignal_.isEmpty() && phase_ == Phase::Following) {
      if (retryLater)
        signalRetry_.start();
      else
        sendPendingSignal({});
    }
  });
}

void RemoteRun::detach() {
  phase_ = Phase::Idle;
  ++session_;  // the scripts still on their way answer no one
  signalInFlight_ = false;
  reconnect_.stop();
  silence_.stop();
  signalRetry_.stop();
  if (follow_) {
    follow_->disconnect(this);
    follow_->kill();
    follow_->waitForFinished(2000);
    delete follow_;
  }
  connected_ = false;
  metrics_.close();
  log_.close();
  output_.close();
}

void RemoteRun::finish(const QString& error, bool completed) {
  phase_ = Phase::Ended;
  reconnect_.stop();
  silence_.stop();
  signalRetry_.stop();
  // The mirror says the run has ended, as the server's folder does: opened again, it is read here
  // without asking the server.
  if (endStatus_.startsWith(QLatin1String("ended ")) || endStatus_ == QLatin1String("gone"))
    saveMirrorFile(QString::fromLatin1(dino::detached_run::kExitFile),
                   endStatus_ == QLatin1String("gone") ? QByteArray("gone\n") : endStatus_.mid(6).toUtf8() + '\n',
                   nullptr);
  connected_ = false;
  metrics_.close();
  log_.close();
  output_.close();
  // Queued: a listener may start the run again at once.
  QTimer::singleShot(0, this, [this, error, completed] { Q_EMIT ended(error, completed); });
}

void RemoteRun::fetchCheckpoint() {
  if (fetching_) return;  // the copy going on writes the same .part file
  if (localFolder_.isEmpty() || remoteFolder_.isEmpty()) {
    Q_EMIT checkpointFetched({}, tr("No run on a server is known here."));
    return;
  }
  const QString target = QDir(localFolder_).filePath(QStringLiteral("checkpoint.pth"));
  const QString part = target + QStringLiteral(".part");
  QString script = enterFolderScript();
  script += QStringLiteral(
                "[ -f checkpoint.pth ] || { echo %1 >&2; exit 7; }\n"
                "echo \"dino-studio-size $(wc -c < checkpoint.pth)\" >&2\nexec cat checkpoint.pth\n")
                .arg(word(ssh::kNoCheckpoint));
  auto* process = new QProcess(this);
  process->setStandardOutputFile(part, QIODevice::Truncate);
  fetching_ = true;
  connect(process, &QProcess::errorOccurred, this, [this, process, part](QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;
    fetching_ = false;
    process->deleteLater();
    QFile::remove(part);
    Q_EMIT checkpointFetched({}, ssh::clientFailedToStart(process->errorString()));
  });
  connect(process, &QProcess::finished, this, [this, process, target, part](int code, QProcess::ExitStatus status) {
    fetching_ = false;
    process->deleteLater();
    const QString errors = QString::fromUtf8(process->readAllStandardError());
    QString error;
    if (status != QProcess::NormalExit || code != 0) {
      error = ssh::explainFailure(target_, status == QProcess::NormalExit ? code : 255, errors);
    } else {
      // wc's figure against what arrived: a connection cut short must not pass for a checkpoint.
      const auto match = QRegularExpression(QStringLiteral("dino-studio-size\\s+(\\d+)")).match(errors);
      const qint64 expected = match.hasMatch() ? match.captured(1).toLongLong() : -1;
      if (expected != QFileInfo(part).size())
        error = tr("The copy of the checkpoint from %1 is incomplete (%2 of %3 bytes): try again.")
                    .arg(target_.host)
                    .arg(QFileInfo(part).size())
                    .arg(expected);
    }
    if (error.isEmpty()) {
      std::error_code renameError;
      std::filesystem::rename(part.toStdString(), target.toStdString(), renameError);
      if (renameError)
        error = tr("Cannot replace %1: %2")
                    .arg(QDir::toNativeSeparators(target), QString::fromStdString(renameError.message()));
    }
    if (!error.isEmpty()) QFile::remove(part);
    Q_EMIT checkpointFetched(error.isEmpty() ? target : QString(), error);
  });
  ssh::startScript(*process, target_, script);
}
