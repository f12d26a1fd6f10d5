#include "training/training_controller.h"

#include <dino/api/training_run.h>

#include <QMetaObject>

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
  qRegisterMetaType<MetricRecords>();
  qRegisterMetaType<dino::RunState>();
  qRegisterMetaType<dino::RunPhase>();
  statePoll_.setInterval(100);
  connect(&statePoll_, &QTimer::timeout, this, &TrainingController::pollState);
}

TrainingController::~TrainingController() {
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

void TrainingController::pause() {
  if (run_ && state_ == dino::RunState::Running) run_->pause();
}

void TrainingController::resume() {
  if (run_ && state_ == dino::RunState::Paused) run_->resume();
}

void TrainingController::stop() {
  if (!run_ || !isActive()) return;
  run_->request_stop();
  run_->resume();  // a paused run must wake up to stop
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
