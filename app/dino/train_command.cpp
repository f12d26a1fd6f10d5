// `dino train`: DINO training with main_dino.py's flag names and defaults, plus ours.
#include "cli_support.h"
#include "commands.h"
#include "setting_flags.h"

#include <dino/log/human_readable.h>
#include <dino/log/log.h>
#include <dino/session/run_options.h>
#include <dino/session/training_presets.h>
#include <dino/session/training_session.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

namespace dino::cli {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted = true; }

using log::approximate_duration;
using log::fixed;
using log::scientific;

std::string progress_line(const MetricRecord& r) {
  // A bar for the epoch, then the numbers a researcher watches.
  constexpr int kWidth = 20;
  const int filled = r.steps_per_epoch ? static_cast<int>(kWidth * (r.step + 1) / r.steps_per_epoch) : 0;
  return "Epoch " + std::to_string(r.epoch) + "/" + std::to_string(r.epochs) + " [" +
         std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(kWidth - filled), '.') + "] " +
         std::to_string(r.step + 1) + "/" + std::to_string(r.steps_per_epoch) + " loss " + fixed(r.loss, 4) +
         " h(Pt) " + fixed(r.teacher_entropy, 3) + " KL " + fixed(r.kl_divergence, 3) + " lr " + scientific(r.lr) +
         " wd " + fixed(r.weight_decay, 4) + " m " + fixed(r.momentum, 5) + " | " + fixed(r.images_per_second, 1) +
         " img/s, " + approximate_duration(r.eta_seconds) + " left";
}

// Ctrl-C, and the SIGTERM with which Slurm, torchrun and the desktop app end a run: caught from the
// start, so that one arriving while the run is still checking its settings or meeting the other
// processes ends it as a stop, not as a kill.
class InterruptHandlers {
 public:
  InterruptHandlers()
      : previous_int_(std::signal(SIGINT, on_interrupt)), previous_term_(std::signal(SIGTERM, on_interrupt)) {}
  ~InterruptHandlers() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
  }
  InterruptHandlers(const InterruptHandlers&) = delete;
  InterruptHandlers& operator=(const InterruptHandlers&) = delete;

 private:
  void (*previous_int_)(int);
  void (*previous_term_)(int);
};

// A signal handler may only set a flag: this thread turns it into a stop request, whatever the
// run is doing (meeting the other processes, loading data, a k-NN evaluation, a step). The run
// stops at its next step boundary.
class StopOnInterrupt {
 public:
  explicit StopOnInterrupt(TrainingSession& session)
      : watcher_([this, &session] {
          while (!over_) {
            if (interrupted.exchange(false)) {
              log::info("interrupted: finishing the step and saving a checkpoint to resume from");
              session.request_stop();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }
        }) {}
  ~StopOnInterrupt() {
    over_ = true;
    watcher_.join();
  }
  StopOnInterrupt(const StopOnInterrupt&) = delete;
  StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

 private:
  std::atomic<bool> over_{false};
  std::thread watcher_;
};

void run_train(const TrainingConfig& config) {
  const InterruptHandlers handlers;
  try {
    config.validate();
    (void)dino::resolve_device(config);  // the device, --precision and --cpu_matmul on this machine
  } catch (const ConfigError& e) {
    throw UsageError(e.what());
  }
  if (interrupted) {
    log::info("interrupted before training began: nothing to save");
    return;
  }
  TrainingSession session(config);
  session.join_launched_processes();  // torchrun, srun or --dist_url (docs/distributed.md)
  session.set_listener([freq = config.print_freq](const MetricRecord& r) {
    if (r.kind == MetricRecord::Kind::Step && ((r.step % freq) == 0 || r.step + 1 == r.steps_per_epoch))
      log::info(progress_line(r));
  });
  {
    const StopOnInterrupt stopper(session);
    session.run();
  }
  if (session.state() == TrainingSession::State::Failed) throw std::runtime_error(session.error());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto c = std::make_shared<TrainingConfig>();
  auto* cmd = app.add_subcommand("train", "Train DINO (flags as main_dino.py; Fashion-MNIST by default)");
  cmd->add_option("--config",
                  "Read settings from a JSON file (as written to <output_dir>/config.json); flags override it")
      ->trigger_on_parse()
      ->each([c](const std::string& file) {
        try {
          c->merge_json_file(file);
        } catch (const ConfigError& e) {
          throw CLI::ValidationError(e.what());
        }
      });
  std::string preset_help = "Start from a named recipe; flags override it:";
  for (const auto& preset : training_presets()) preset_help += "\n  " + preset.name + ": " + preset.title;
  cmd->add_option("--preset")->description(preset_help)->trigger_on_parse()->each([c](const std::string& name) {
    try {
      apply_training_preset(*c, name);
    } catch (const ConfigError& e) {
      throw CLI::ValidationError(e.what());
    }
  });
  add_setting_flags(*cmd, *c);  // every setting, from the table in core
  cmd->callback([c] { run_train(*c); });
}

}  // namespace dino::cli
