#include "training/training_controller.h"

#include "training/launched_run.h"

#include <dino/api/training_run.h>

#include <QMetaObject>

TrainingController::TrainingController(QObject* parent) : QObject(parent), launched_(new LaunchedRun(this)) {
  qRegisterMetaType<MetricRecords>();
  qRegisterMetaType<dino::RunState>();
  qRegisterMetaType<dino::RunPhase>();
  statePoll_.setInterval(100);
  connect(&statePoll_, &QTimer::timeout, this, &TrainingController::pollState);
  connect(launched_, &LaunchedRun::recordsArrived, this, &TrainingController::onLaunchedRecords);
  connect(launched_, &LaunchedRun::ended, this, &TrainingController::onLaunchedEnded);
  connect(launched_, &LaunchedRun::outputLine, this, &TrainingController::processOutput);
}

TrainingController::~TrainingController() {
  // As for a run in this process: the processes finish their step and save before the app goes.
  if (launched_->isRunning()) launched_->stopAndWait(60000);
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
  if (settings.nproc_per_node > 1) {
    if (const std::string why = dino::run_settings::problem(settings); !why.empty()) {
      lastError_ = QString::fromStdString(why);
      return false;
    }
    launchedSettings_ = settings;
    if (!launch(false)) return false;
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
  launched_->requestStop();
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
      launched_->kill();
      return;
    }
    const bool alreadyStopping = ending_ == Ending::Pause;
    ending_ = Ending::Stop;
    setPhase(dino::RunPhase::Saving);
    if (!alreadyStopping) launched_->requestStop();
    return;
  }
  if (!run_) return;
  run_->request_stop();
  run_->resume();  // a paused run must wake up to stop
}

bool TrainingController::launch(bool resuming) {
  ending_ = Ending::None;
  QString error;
  if (!launched_->start(launchedSettings_, resuming, &error)) {
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
