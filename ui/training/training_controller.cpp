#include "training/training_controller.h"

#include "remote/remote_run.h"
#include "training/launched_run.h"

#include <dino/api/training_run.h>

#include <QDir>
#include <QMetaObject>

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), launched_(new LaunchedRun(this)), remote_(new RemoteRun(this)) {
  qRegisterMetaType<MetricRecords>();
  qRegisterMetaType<dino::RunState>();
  qRegisterMetaType<dino::RunPhase>();
  statePoll_.setInterval(100);
  connect(&statePoll_, &QTimer::timeout, this, &TrainingController::pollState);
  for (ExternalRun* run : {static_cast<ExternalRun*>(launched_), static_cast<ExternalRun*>(remote_)}) {
    connect(run, &ExternalRun::recordsArrived, this, [this, run](const MetricRecords& records) {
      if (run == external_) onLaunchedRecords(records);
    });
    connect(run, &ExternalRun::ended, this, [this, run](const QString& error, bool completed) {
      if (run == external_) onLaunchedEnded(error, completed);
    });
    connect(run, &ExternalRun::outputLine, this, &TrainingController::processOutput);
  }
  connect(remote_, &RemoteRun::connectionChanged, this, &TrainingController::serverConnectionChanged);
}

TrainingController::~TrainingController() {
  // As for a run in this process: the processes finish their step and save before the app goes.
  // A run on a server goes on there; only the following ends.
  if (launched_->isRunning()) launched_->stopAndWait(60000);
  remote_->detach();
  if (run_) {
    run_->request_stop();
    run_->resume();
    run_->wait();
  }
}

bool TrainingController::start(const dino::TrainingConfig& settings) {
  if (isActive()) {
    lastError_ = tr("A run is already going.");
    return false;
  }
  if (settings.nproc_per_node > 1 || server_.isValid()) {
    // A server's devices are not this machine's: only the settings themselves are checked here.
    const std::string why =
        server_.isValid() ? dino::run_settings::settings_problem(settings) : dino::run_settings::problem(settings);
    if (!why.empty()) {
      lastError_ = QString::fromStdString(why);
      return false;
    }
    const SshTarget previousTarget = remote_->target();
    if (server_.isValid()) remote_->setTarget(server_);
    ExternalRun* const previous = external_;
    external_ = server_.isValid() ? static_cast<ExternalRun*>(remote_) : static_cast<ExternalRun*>(launched_);
    launchedSettings_ = settings;
    if (!launch(false)) {
      external_ = previous;  // nothing started: the last run stays the one shown
      remote_->setTarget(previousTarget);
      return false;
    }
    if (run_) {
      run_->wait();  // the previous, finished run's thread
      run_.reset();
    }
    launchedMode_ = true;
    lastError_.clear();
    setPhase(dino::RunPhase::Starting);
    setState(dino::RunState::Running);
    return true;
  }
  launchedMode_ = false;
  external_ = nullptr;
  std::unique_ptr<dino::TrainingRun> run;
  try {
    run = std::make_unique<dino::TrainingRun>(settings);
  } catch (const std::exception& e) {
    lastError_ = QString::fromStdString(e.what());
    return false;
  }
  if (run_) run_->wait();  // the previous, finished run's thread
  run_ = std::move(run);
  phase_ = dino::RunPhase::Starting;
  {
    std::lock_guard lock(bufferMutex_);
    buffer_.clear();
    deliveryPosted_ = false;
  }
  run_->set_listener([this](const dino::MetricRecord& record) {
    std::lock_guard lock(bufferMutex_);
    buffer_.append(record);
    if (!deliveryPosted_) {
      deliveryPosted_ = true;
      QMetaObject::invokeMethod(this, &TrainingController::deliver, Qt::QueuedConnection);
    }
  });
  lastError_.clear();
  run_->start();
  state_ = dino::RunState::Running;
  statePoll_.start();
  Q_EMIT stateChanged(state_);
  return true;
}

void TrainingController::setCommandLineTool(const QString& program) { launched_->setProgram(program); }

bool TrainingController::isOnServer() const { return external_ && external_ == remote_; }

void TrainingController::stopFollowingServerRun() {
  if (!isOnServer() || !isActive()) return;
  remote_->detach();
  setState(dino::RunState::Idle);
}

bool TrainingController::attachToServerRun(const QString& folder) {
  if (isActive()) {
    lastError_ = tr("A run is already going.");
    return false;
  }
  QString error;
  if (!remote_->attach(folder, &error)) {
    lastError_ = error;
    return false;
  }
  // Pause and Resume start it again with the settings it was started with: they must be readable.
  dino::TrainingConfig settings;
  try {
    settings.merge_json_file(QDir(folder).filePath(QStringLiteral("config.json")).toStdString());
  } catch (const std::exception& e) {
    remote_->detach();
    lastError_ = QString::fromStdString(e.what());
    return false;
  }
  if (run_) {
    run_->wait();
    run_.reset();
  }
  external_ = remote_;
  launchedMode_ = true;
  ending_ = Ending::None;
  lastError_.clear();
  launchedSettings_ = settings;
  launchedSettings_.output_dir = remote_->localFolder().toStdString();
  setPhase(dino::RunPhase::Starting);
  setState(dino::RunState::Running);
  return true;
}

void TrainingController::pause() {
  if (state_ != dino::RunState::Running) return;
  if (!launchedMode_) {
    if (run_) run_->pause();
    return;
  }
  // Processes blocked in a pause would hold each other's exchanges until their timeout: they save
  // a checkpoint and exit instead, and Resume starts them again from it.
  if (ending_ != Ending::None) return;
  ending_ = Ending::Pause;
  setPhase(dino::RunPhase::Saving);
  external_->requestStop();
}

void TrainingController::resume() {
  if (state_ != dino::RunState::Paused) return;
  if (!launchedMode_) {
    if (run_) run_->resume();
    return;
  }
  if (!launch(true)) {
    state_ = dino::RunState::Failed;
    Q_EMIT failed(lastError_);
    Q_EMIT stateChanged(state_);
    return;
  }
  setPhase(dino::RunPhase::Starting);
  setState(dino::RunState::Running);
}

void TrainingController::stop() {
  if (!isActive()) return;
  if (launchedMode_) {
    if (state_ == dino::RunState::Paused) {  // its processes have already saved and ended
      setState(dino::RunState::Stopped);
      return;
    }
    if (ending_ == Ending::Stop) {  // pressed again while they save: end them now
      external_->kill();
      return;
    }
    const bool alreadyStopping = ending_ == Ending::Pause;
    ending_ = Ending::Stop;
    setPhase(dino::RunPhase::Saving);
    if (!alreadyStopping) external_->requestStop();
    return;
  }
  if (!run_) return;
  run_->request_stop();
  run_->resume();  // a paused run must wake up to stop
}

bool TrainingController::launch(bool resuming) {
  ending_ = Ending::None;
  QString error;
  if (!external_->start(launchedSettings_, resuming, &error)) {
    lastError_ = error;
    return false;
  }
  return true;
}

void TrainingController::onLaunchedRecords(const MetricRecords& records) {
  if (!launchedMode_ || !isActive()) return;
  if (phase_ == dino::RunPhase::Starting) setPhase(dino::RunPhase::Training);
  Q_EMIT recordsArrived(records);
}

void TrainingController::onLaunchedEnded(const QString& error, bool completed) {
  if (!error.isEmpty()) {
    lastError_ = error;
    state_ = dino::RunState::Failed;
    Q_EMIT failed(lastError_);
    Q_EMIT stateChanged(state_);
    return;
  }
  setPhase(dino::RunPhase::Done);
  // A pause or stop asked for as the last step ended finds the run complete: it is Finished. One
  // that nobody here asked for (a signal from outside) leaves it Stopped, resumable.
  setState(completed                  ? dino::RunState::Finished
           : ending_ == Ending::Pause ? dino::RunState::Paused
                                      : dino::RunState::Stopped);
}

void TrainingController::setState(dino::RunState state) {
  state_ = state;
  Q_EMIT stateChanged(state_);
}

void TrainingController::setPhase(dino::RunPhase phase) {
  if (phase == phase_) return;
  phase_ = phase;
  Q_EMIT phaseChanged(phase_);
}

void TrainingController::deliver() {
  MetricRecords records;
  {
    std::lock_guard lock(bufferMutex_);
    records.swap(buffer_);
    deliveryPosted_ = false;
  }
  if (!records.isEmpty()) Q_EMIT recordsArrived(records);
}

void TrainingController::pollState() {
  if (!run_) return;
  if (const auto phase = run_->phase(); phase != phase_) {
    phase_ = phase;
    Q_EMIT phaseChanged(phase_);
  }
  const auto now = run_->state();
  if (now == state_) return;
  state_ = now;
  if (now != dino::RunState::Running && now != dino::RunState::Paused) {
    statePoll_.stop();
    run_->wait();
    deliver();  // records written just before the end
    if (now == dino::RunState::Failed) {
      lastError_ = QString::fromStdString(run_->error());
      Q_EMIT failed(lastError_);
    }
  }
  Q_EMIT stateChanged(state_);
}
