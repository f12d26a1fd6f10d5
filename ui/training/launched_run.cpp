#include "training/launched_run.h"

#include "command_line_tool.h"

#include <algorithm>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QTcpServer>

namespace {

constexpr int kTailLines = 40;
// After one process fails, the others find out through the rendezvous store within seconds and
// exit with a message of their own; any still going after this are killed.
constexpr int kSurvivorsGraceMs = 15000;

// A port nobody listens on now; rank 0 binds it a moment later (torchrun's standalone mode does
// the same).
quint16 freePort() {
  QTcpServer probe;
  if (!probe.listen(QHostAddress::LocalHost, 0)) return 0;
  return probe.serverPort();
}

// The launcher variables of a Slurm job or torchrun agent around the app would tell the children
// they are other processes than the ones started here.
QProcessEnvironment childEnvironment() {
  auto env = QProcessEnvironment::systemEnvironment();
  for (const char* name : {"RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "GROUP_RANK", "MASTER_ADDR",
                           "MASTER_PORT", "TORCHELASTIC_USE_AGENT_STORE", "SLURM_PROCID", "SLURM_NTASKS",
                           "SLURM_LOCALID", "SLURM_NTASKS_PER_NODE", "SLURM_JOB_NODELIST"})
    env.remove(QString::fromLatin1(name));
  return env;
}

}  // namespace

LaunchedRun::LaunchedRun(QObject* parent) : ExternalRun(parent), program_(commandLineToolPath()) {
  endTheOthers_.setSingleShot(true);
  endTheOthers_.setInterval(kSurvivorsGraceMs);
  connect(&endTheOthers_, &QTimer::timeout, this, [this] {
    for (auto& rank : ranks_)
      if (rank.process->state() != QProcess::NotRunning) rank.process->kill();
  });
  followRetry_.setInterval(250);
  connect(&followRetry_, &QTimer::timeout, this, &LaunchedRun::followOutput);
  connect(&follower_, &RunFollower::recordsArrived, this, &LaunchedRun::recordsArrived);
}

LaunchedRun::~LaunchedRun() {
  for (auto& rank : ranks_) {
    rank.process->disconnect(this);
    if (rank.process->state() != QProcess::NotRunning) {
      rank.process->kill();
      rank.process->waitForFinished(5000);
    }
  }
}

bool LaunchedRun::isRunning() const { return running_ > 0; }

bool LaunchedRun::start(const dino::TrainingConfig& settings, bool resuming, QString* error) {
  if (isRunning()) {
    *error = tr("A run is already going.");
    return false;
  }
  if (program_.isEmpty() || !QFileInfo(program_).isExecutable()) {
    *error =
        tr("The command-line tool dino, which runs each process, was found neither beside this program nor "
           "on PATH.");
    return false;
  }
  if (!settingsDir_) settingsDir_ = std::make_unique<QTemporaryDir>();
  const QString settingsFile = settingsDir_->filePath(QStringLiteral("settings.json"));
  // They meet where the variables below say, whatever rendezvous the settings name.
  dino::TrainingConfig forProcesses = settings;
  forProcesses.dist_url = "env://";
  QFile file(settingsFile);
  if (!settingsDir_->isValid() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      file.write(QByteArray::fromStdString(forProcesses.to_json())) < 0 || !file.flush()) {
    *error = tr("Cannot write the run's settings for its processes to %1: %2")
                 .arg(QDir::toNativeSeparators(settingsFile), file.errorString());
    return false;
  }
  file.close();
  const quint16 port = freePort();
  if (port == 0) {
    *error = tr("No free port on 127.0.0.1 for the processes to meet on.");
    return false;
  }
  const QString folder = QFileInfo(QString::fromStdString(settings.output_dir)).absoluteFilePath();
  // A resumed run appends to the metrics.jsonl it wrote: read on from where its records ended. A
  // new start shows only what it writes, as a run in the app's own process does.
  if (!resuming || folder != outputDir_)
    followFrom_ = QFileInfo(QDir(folder).filePath(QStringLiteral("metrics.jsonl"))).size();
  outputDir_ = folder;
  follower_.stop();
  followRetry_.start();
  firstFailure_.clear();
  stopRequested_ = killed_ = rank0Completed_ = false;
  // The last run's processes have all finished; their objects go once their signals are delivered.
  for (auto& rank : ranks_) {
    rank.process->disconnect(this);
    rank.process.release()->deleteLater();
  }
  ranks_.clear();
  const int world = static_cast<int>(settings.nproc_per_node);
  ranks_.resize(static_cast<size_t>(world));
  const QProcessEnvironment base = childEnvironment();
  for (int r = 0; r < world; ++r) {
    auto& rank = ranks_[static_cast<size_t>(r)];
    rank.process = std::make_unique<QProcess>();
    QProcessEnvironment env = base;
    env.insert(QStringLiteral("RANK"), QString::number(r));
    env.insert(QStringLiteral("LOCAL_RANK"), QString::number(r));
    env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("LOCAL_WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    rank.process->setProcessEnvironment(env);
    rank.process->setProcessChannelMode(QProcess::MergedChannels);
    endWithThisApp(*rank.process);
    connect(rank.process.get(), &QProcess::readyReadStandardOutput, this, [this, r] { readOutput(r); });
    connect(rank.process.get(), &QProcess::finished, this,
            [this, r](int code, QProcess::ExitStatus status) { onRankFinished(r, code, status); });
    // Queued: a process that fails to start may say so inside start(), before the caller has
    // even learnt that the run began.
    connect(
        rank.process.get(), &QProcess::errorOccurred, this,
        [this, r](QProcess::ProcessError e) {
          if (e == QProcess::FailedToStart) onRankFailedToStart(r);
        },
        Qt::QueuedConnection);
  }
  running_ = world;
  for (auto& rank : ranks_)
    rank.process->start(program_, {QStringLiteral("train"), QStringLiteral("--config"), settingsFile});
  return true;
}

void LaunchedRun::requestStop() {
  stopRequested_ = true;
  for (auto& rank : ranks_)
    if (rank.process->state() != QProcess::NotRunning) rank.process->terminate();
}

void LaunchedRun::kill() {
  stopRequested_ = killed_ = true;
  for (auto& rank : ranks_)
    if (rank.process->state() != QProcess::NotRunning) rank.process->kill();
}

void LaunchedRun::stopAndWait(int ms) {
  requestStop();
  QDeadlineTimer deadline(ms);
  for (auto& rank : ranks_) {
    rank.process->disconnect(this);
    if (!rank.process->waitForFinished(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
      rank.process->kill();
  }
  running_ = 0;
}

void LaunchedRun::readOutput(int r, bool atExit) {
  auto& rank = ranks_[static_cast<size_t>(r)];
  QByteArray data = rank.partialLine + rank.process->readAllStandardOutput();
  if (atExit && !data.isEmpty() && !data.endsWith('\n')) data += '\n';  // its last words, unfinished
  const qsizetype end = data.lastIndexOf('\n');
  rank.partialLine = data.mid(end + 1);
  data.truncate(end + 1);
  for (const QByteArray& line : data.split('\n')) {
    if (line.trimmed().isEmpty()) continue;
    rank.lastLines << QString::fromUtf8(line);
    if (rank.lastLines.size() > kTailLines) rank.lastLines.removeFirst();
    // TrainingSession's last words when it trained to its last epoch (a stop ends it otherwise).
    if (r == 0 && saysRunCompleted(rank.lastLines.last())) rank0Completed_ = true;
    Q_EMIT outputLine(r, rank.lastLines.last());
  }
}

QString LaunchedRun::failureOf(int r, int exitCode, QProcess::ExitStatus status) const {
  const auto& rank = ranks_[static_cast<size_t>(r)];
  for (auto line = rank.lastLines.crbegin(); line != rank.lastLines.crend(); ++line)
    if (const QString error = toolError(*line); !error.isEmpty()) return tr("Process %1: %2").arg(r).arg(error);
  const QString tail = rank.lastLines.mid(std::max<qsizetype>(0, rank.lastLines.size() - 3)).join(QLatin1Char('\n'));
  const QString how = status == QProcess::CrashExit
                          ? tr("Process %1 of the run crashed.").arg(r)
                          : tr("Process %1 of the run exited with code %2.").arg(r).arg(exitCode);
  return tail.isEmpty() ? how : how + QLatin1Char('\n') + tail;
}

void LaunchedRun::onRankFinished(int r, int exitCode, QProcess::ExitStatus status) {
  readOutput(r, true);
  // Ended by the stop asked for before it could act (a signal during start-up), or killed on
  // request: not a failure. An error it reported still is one.
  const bool clean =
      (status == QProcess::NormalExit && exitCode == 0) || (status == QProcess::CrashExit && stopRequested_);
  if (!clean && firstFailure_.isEmpty()) {
    firstFailure_ = failureOf(r, exitCode, status);
    if (running_ > 1) endTheOthers_.start();
  }
  if (--running_ == 0) finish();
}

void LaunchedRun::onRankFailedToStart(int r) {
  if (firstFailure_.isEmpty()) {
    firstFailure_ =
        tr("%1 could not be started: %2").arg(program_, ranks_[static_cast<size_t>(r)].process->errorString());
    // The ones that did start wait for this one at the rendezvous: end them now.
    for (auto& rank : ranks_)
      if (rank.process->state() != QProcess::NotRunning) rank.process->kill();
  }
  if (--running_ == 0) finish();
}

void LaunchedRun::followOutput() {
  if (follower_.folder().isEmpty() && !follower_.follow(outputDir_, followFrom_)) return;  // not written yet
  followRetry_.stop();
}

void LaunchedRun::finish() {
  endTheOthers_.stop();
  followOutput();
  followRetry_.stop();
  follower_.poll();  // the records written just before the end
  // Nothing more comes from this run; a resume reads on from here.
  if (!follower_.folder().isEmpty()) followFrom_ = follower_.offset();
  follower_.stop();
  const bool completed = firstFailure_.isEmpty() && !killed_ && rank0Completed_;
  // Queued: a listener may start the next run, which replaces the processes still emitting.
  QTimer::singleShot(0, this, [this, error = firstFailure_, completed] { Q_EMIT ended(error, completed); });
}
