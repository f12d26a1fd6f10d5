// A training run that owns its thread: the object the command line and the desktop app drive.
// Pause, resume and stop take effect at the next step boundary; records stream to a listener
// (called on the training thread) and to <output_dir>/metrics.jsonl.
#pragma once

#include "dino/session/metric_record.h"
#include "dino/session/run_state.h"
#include "dino/session/training_config.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace dino {

class TrainingSession {
 public:
  using State = RunState;

  explicit TrainingSession(TrainingConfig config);
  ~TrainingSession();  // stops and joins
  TrainingSession(const TrainingSession&) = delete;
  TrainingSession& operator=(const TrainingSession&) = delete;

  // Before start(): join the other processes a launcher started with this one (torchrun's or
  // Slurm's variables, --dist_url) when there are any. The command line does; the desktop app
  // trains in its own process whatever its environment says.
  void join_launched_processes() { join_launched_processes_ = true; }

  // Must be set before start(). Runs on the training thread: keep it short.
  void set_listener(std::function<void(const MetricRecord&)> listener) { listener_ = std::move(listener); }

  void start();
  void pause();
  void resume();
  // Finishes the current step, writes a checkpoint that resumes exactly there, and ends.
  void request_stop();
  void wait();

  State state() const { return state_.load(); }
  RunPhase phase() const { return phase_.load(); }
  std::string error() const;
  const TrainingConfig& config() const { return config_; }

  // Runs on the calling thread (what start() runs on its own thread).
  void run();

 private:
  void wait_while_paused();

  TrainingConfig config_;
  std::function<void(const MetricRecord&)> listener_;
  bool join_launched_processes_ = false;
  std::thread thread_;
  std::atomic<State> state_{State::Idle};
  std::atomic<RunPhase> phase_{RunPhase::Starting};
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> pause_requested_{false};
  mutable std::mutex mutex_;
  std::condition_variable resumed_;
  std::string error_;
};

}  // namespace dino
