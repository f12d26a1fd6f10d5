#include "dino/session/training_session.h"

#include "dino/data/open_data.h"
#include "dino/distributed/process_group.h"
#include "dino/eval/knn.h"
#include "dino/io/atomic_file.h"
#include "dino/log/human_readable.h"
#include "dino/log/log.h"
#include "dino/model/matmul.h"
#include "dino/session/run_options.h"
#include "dino/session/time_budget.h"
#include "dino/system/device_info.h"
#include "dino/system/host_memory.h"
#include "dino/system/simd_level.h"
#include "dino/train/trainer_checkpoint.h"
#include "rank_agreement.h"
#include "run_records.h"

#include <torch/torch.h>

#include <chrono>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

namespace dino {
namespace {

// "[2026-12-01 01:44:29.687] [error] failed: <why>", as the log's file sink writes its lines.
void append_failure_line(const std::filesystem::path& file, const std::string& why) {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm local{};
  localtime_r(&seconds, &local);
  std::ofstream out(file, std::ios::app);
  out << '[' << std::put_time(&local, "%Y-%m-%d %H:%M:%S") << '.' << std::setw(3) << std::setfill('0') << millis
      << "] [error] failed: " << why << '\n';
}

using Clock = std::chrono::steady_clock;

using log::fixed;

}  // namespace

const char* to_string(RunState state) {
  switch (state) {
    case RunState::Idle:
      return "idle";
    case RunState::Running:
      return "running";
    case RunState::Paused:
      return "paused";
    case RunState::Finished:
      return "finished";
    case RunState::Stopped:
      return "stopped";
    case RunState::Failed:
      return "failed";
  }
  return "?";
}

const char* to_string(RunPhase phase) {
  switch (phase) {
    case RunPhase::Starting:
      return "starting";
    case RunPhase::Measuring:
      return "timing steps for the time budget";
    case RunPhase::LoadingData:
      return "loading data";
    case RunPhase::Evaluating:
      return "k-NN evaluation";
    case RunPhase::Training:
      return "training";
    case RunPhase::Saving:
      return "saving a checkpoint";
    case RunPhase::Done:
      return "done";
  }
  return "?";
}

TrainingSession::TrainingSession(TrainingConfig config) : config_(std::move(config)) {}

TrainingSession::~TrainingSession() {
  request_stop();
  wait();
}

void TrainingSession::start() {
  if (thread_.joinable()) throw std::logic_error("the training session was already started");
  state_ = State::Running;
  thread_ = std::thread([this] { run(); });
}

void TrainingSession::pause() { pause_requested_ = true; }

void TrainingSession::resume() {
  {
    std::lock_guard lock(mutex_);
    pause_requested_ = false;
  }
  resumed_.notify_all();
}

void TrainingSession::request_stop() {
  stop_requested_ = true;
  resume();
}

void TrainingSession::wait() {
  if (thread_.joinable()) thread_.join();
}

std::string TrainingSession::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

void TrainingSession::wait_while_paused() {
  if (!pause_requested_) return;
  state_ = State::Paused;
  log::info("paused");
  std::unique_lock lock(mutex_);
  resumed_.wait(lock, [&] { return !pause_requested_ || stop_requested_; });
  state_ = State::Running;
  if (!stop_requested_) log::info("resumed");
}

namespace {

// The banner line of a run: the model, the data, the crops, the device.
std::string describe_run(const TrainingConfig& c, const VitConfig& vit, int64_t images, int64_t iterations,
                         const c10::Device& device) {
  return "dino train: " + vit_arch_name(vit) + " (embed_dim " + std::to_string(vit.embed_dim) + ", depth " +
         std::to_string(vit.depth) + ", heads " + std::to_string(vit.num_heads) + ", patch " +
         std::to_string(vit.patch_size) + "), " + std::to_string(images) + " images, " +
         std::to_string(2 + c.local_crops_number) + " crops (" + std::to_string(c.global_crops_size) + "/" +
         std::to_string(c.local_crops_size) + " px), " + std::to_string(iterations) + " iterations per epoch on " +
         device.str() + " with " + std::to_string(torch::get_num_threads()) +
         (torch::get_num_threads() == 1 ? " thread" : " threads");
}

std::string numbered_checkpoint(int64_t epoch) {
  std::ostringstream name;
  name << "checkpoint" << std::setw(4) << std::setfill('0') << epoch << ".pth";
  return name.str();
}

// --time_budget: the plan (budget.h) from the measured time of a few training steps on the run's
// own batches with a throwaway trainer, and of the teacher's features of some labelled images. The
// torch generator is seeded again afterwards, so the run starts from the weights it would have had
// without a budget. Returns false, leaving `c` as it was, when `stop` was asked meanwhile.
bool plan_to_budget(TrainingConfig& c, double budget, c10::Device device, const std::string& knn_path, bool knn,
                    Clock::time_point run_start, const std::atomic<bool>& stop,
                    const std::shared_ptr<distributed::ProcessGroup>& group) {
  // With several processes every rank times the same steps together (their exchanges keep them in
  // step), and rank 0's plan is the one they all follow. A stop asked meanwhile waits for the run.
  const bool stoppable = !group;
  const int64_t world = group ? group->world_size() : 1;  // for the plan's images and k-NN share
  int64_t iterations = 0;
  double step_seconds = 0;
  double evaluation_seconds = 0;
  {
    LoaderOptions loading = loader_options(c, group.get());
    loading.pin_memory = device.is_cuda();
    MultiCropLoader loader(open_training_images(c), multi_crop_options(c), loading);
    iterations = loader.batches_per_epoch();
    if (iterations == 0) return true;  // the run itself says why
    // The first batches come from the loader's prefetched queue, faster than the steady state in
    // which augmentation and the model share the cores: they are not timed.
    const int64_t untimed = std::max(loading.prefetch_batches, loading.num_workers) + 1;
    constexpr int64_t kTimed = 8;
    const int64_t total = std::min<int64_t>(untimed + kTimed, iterations);
    const int64_t skip = total > untimed ? untimed : 0;  // an epoch shorter than that: time every step
    DinoTrainer trainer(trainer_options(c, iterations, device, group));
    loader.start_epoch(0);
    for (int64_t i = 0; i < total; ++i) {
      if (stop && stoppable) return false;
      const auto begin = Clock::now();
      auto batch = loader.next();
      if (!batch) throw std::runtime_error("the data loader stopped while timing steps for --time_budget");
      (void)trainer.step(batch->crops, i, 0);
      if (i >= skip) step_seconds += std::chrono::duration<double>(Clock::now() - begin).count();
    }
    step_seconds /= static_cast<double>(total - skip);
    loader.request_stop();  // its workers need not build more while the features are timed
    if (knn) {
      // Features of up to 256 training images, scaled to the evaluation's images.
      const auto splits = open_labelled_splits(knn_path, c.knn_train_images, c.knn_test_images);
      const auto sample = open_labelled_splits(knn_path, std::min<int64_t>(256, splits.train->size()), 1);
      if (sample.train->size() > 0) {
        const auto eval = knn_transform(knn_path, c.vit().img_size);
        const auto begin = Clock::now();
        (void)extract_features(trainer.teacher->backbone, *sample.train, eval, device);
        const double per_image =
            std::chrono::duration<double>(Clock::now() - begin).count() / static_cast<double>(sample.train->size());
        // Every rank computes its share of the features.
        evaluation_seconds =
            per_image * static_cast<double>(splits.train->size() + splits.test->size()) / static_cast<double>(world);
      }
    }
  }
  if (stop && stoppable) return false;
  torch::manual_seed(static_cast<uint64_t>(c.seed));
  BudgetInputs in;
  in.budget_seconds = budget * 0.97;  // a margin for what varies: the machine's load, checkpoints
  in.spent_seconds = std::chrono::duration<double>(Clock::now() - run_start).count();
  in.seconds_per_step = step_seconds;
  in.seconds_per_evaluation = evaluation_seconds;
  in.images = iterations * c.batch_size_per_gpu * world;  // the loaders' whole batches, every rank's
  in.batch_size = c.batch_size_per_gpu * world;
  in.epochs = c.epochs;
  in.knn_freq = c.knn_freq;
  in.evaluates = knn;
  BudgetPlan plan = plan_time_budget(in);
  if (group) {
    // Each rank measured its own times: rank 0's plan is everyone's.
    auto shared = torch::tensor({plan.epochs, plan.steps, plan.limit_images, static_cast<int64_t>(plan.seconds * 1000)},
                                torch::kLong);
    std::vector<torch::Tensor> one{shared};
    group->broadcast(one, 0);
    plan.epochs = shared[0].item<int64_t>();
    plan.steps = shared[1].item<int64_t>();
    plan.limit_images = shared[2].item<int64_t>();
    plan.seconds = static_cast<double>(shared[3].item<int64_t>()) / 1000.0;
  }
  apply_budget_plan(c, plan);
  c.validate();  // the plan keeps the settings consistent; say so now if not
  log::info("time budget " + log::rounded_duration(budget) + ": " + std::to_string(plan.epochs) + " epoch(s) of " +
            std::to_string(plan.steps / plan.epochs) + " steps" +
            (plan.limit_images > 0 ? " on " + std::to_string(plan.limit_images) + " images spread over the data"
                                   : std::string()) +
            " (measured " + fixed(step_seconds, 3) + " s a step" +
            (knn ? ", " + fixed(evaluation_seconds, 1) + " s a k-NN evaluation" : std::string()) +
            "), expected to take " + log::rounded_duration(plan.seconds + in.spent_seconds) + " in all; warm-up " +
            std::to_string(c.warmup_epochs) + " epoch(s), last layer frozen " + std::to_string(c.freeze_last_layer));
  if (plan.seconds + in.spent_seconds > budget)
    log::warn("time budget " + log::rounded_duration(budget) +
              " is too short for this run: even one batch an epoch "
              "with its k-NN evaluations takes " +
              log::rounded_duration(plan.seconds + in.spent_seconds) +
              " (--knn_freq 0 or --eval_knn false evaluate less)");
  return true;
}

}  // namespace

void TrainingSession::run() {
  // The run keeps freed host memory for the trainer's next step (a process-wide heap setting, asked
  // for here by the run, not by the library); once the run is over (and the trainer, declared
  // below, is gone) a process that lives on gets it back.
  keep_freed_host_memory();
  struct ReleaseHostMemoryAtEnd {
    ~ReleaseHostMemoryAtEnd() { release_freed_host_memory(); }
  } release_at_end;
  state_ = State::Running;
  std::shared_ptr<distributed::ProcessGroup> group;  // several processes: torchrun, Slurm or --dist_url
  std::filesystem::path train_log;                   // once rank 0 writes one: where the reason of a failure goes too
  try {
    const auto run_start = Clock::now();
    TrainingConfig c = config_;  // --time_budget settles some of it below
    c.validate();
    distributed::ProcessPlacement placement;  // one process unless the launcher's variables say more
    try {
      if (join_launched_processes_) placement = distributed::read_process_placement(c.dist_url);
    } catch (const std::invalid_argument& e) {
      throw ConfigError(e.what());
    }
    if (c.nproc_per_node > 1 && !placement.distributed()) {
      // Left alone, this would train one process where the user asked for several.
      const std::string n = std::to_string(c.nproc_per_node);
      throw ConfigError("--nproc_per_node " + n + ": dino train is one process; start " + n +
                        " with torchrun --nproc_per_node " + n +
                        " --no-python dino train ... (docs/distributed.md), or set --nproc_per_node 1");
    }
    if (placement.distributed()) {
      log::info("distributed: " + distributed::describe_placement(placement) + ", waiting up to " +
                std::to_string(c.dist_timeout) + " s for every process");
      group = distributed::ProcessGroup::connect(placement, std::chrono::seconds(c.dist_timeout));
      // As the reference silences print() on every rank but 0: the others say only what goes wrong.
      if (group->rank() != 0) log::set_level(log::Level::Warning);
      require_same_settings_on_every_rank(*group, c);
    }
    const bool chief = !group || group->rank() == 0;  // rank 0 writes the files and the records
    const int64_t world = group ? group->world_size() : 1;
    c10::Device device = resolve_device(c);
    if (group && device.is_cuda() && (c.device == "auto" || c.device == "cuda")) {
      // One GPU per process, as the reference's torch.cuda.set_device(LOCAL_RANK).
      if (placement.local_rank >= static_cast<int64_t>(torch::cuda::device_count()))
        throw ConfigError("local rank " + std::to_string(placement.local_rank) +
                          " has no GPU of its own: this machine has " +
                          std::to_string(static_cast<int64_t>(torch::cuda::device_count())) +
                          "; start at most that many processes on it");
      device = c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(placement.local_rank));
    }
    // All cores by default, shared by the processes of this machine.
    const int64_t cores = std::max(1u, std::thread::hardware_concurrency());
    torch::set_num_threads(
        static_cast<int>(c.threads > 0 ? c.threads : std::max<int64_t>(1, cores / placement.local_world_size)));
    set_cpu_matmul(parse_cpu_matmul(c.cpu_matmul));
    torch::manual_seed(static_cast<uint64_t>(c.seed));
    const std::filesystem::path output_dir(c.output_dir);
    std::filesystem::create_directories(output_dir);
    std::optional<log::FileSink> run_log;  // this run's, for as long as it runs
    if (chief) {
      train_log = output_dir / "train.log";
      run_log.emplace(train_log);
    }
    const auto amp = autocast_dtype(c, device_info(device));
    log::info("device: " + device_description(device_info(device)));
    log::info(
        std::string("precision: ") +
        (amp ? (*amp == c10::ScalarType::Half ? "fp16 autocast with a gradient scaler" : "bf16 autocast") : "fp32") +
        " on " + device.str());
    if (device.is_cpu()) log::info("fp32 matrix products: " + describe_cpu_matmul());
    log::info("augmentation's pixel loops: " + describe_simd_level());

    // The k-NN evaluations of the teacher on labelled data (reference.md §5.1), when there is some:
    // at the start, every --knn_freq epochs and after the last.
    const std::string knn_path = c.knn_data_path.empty() ? c.data_path : c.knn_data_path;
    const bool knn = c.eval_knn && has_labelled_splits(knn_path);
    if (c.eval_knn && !knn)
      log::info("no k-NN evaluation: " + knn_path +
                " has no labelled train/ and val/ splits (name a folder that has them with --knn_data_path)");

    // A budget is planned once, when the run begins; a resumed run keeps that plan (config.json),
    // with the budget given again or not: planning anew would move the checkpoint's position.
    const auto checkpoint_file = output_dir / "checkpoint.pth";
    const double budget = parse_time_budget(c.time_budget);
    const bool resuming = std::filesystem::exists(checkpoint_file);
    // The training images, opened once unless a time budget changes which (below).
    std::shared_ptr<const ImageSource> train;
    const auto image_choice = [&c] { return std::make_pair(c.limit_images, c.time_budget.empty()); };
    const auto opened_with = image_choice();
    if (group) {
      train = open_training_images(c);
      // Each of these decides which exchanges a rank takes part in: they must be the same on all.
      require_same_facts_on_every_rank(
          *group,
          {{"training images", train->size()},
           {"presence of a checkpoint.pth in --output_dir", resuming ? 1 : 0},
           {"presence of labelled train/ and val/ splits for the k-NN evaluation", knn ? 1 : 0}},
          "Give every rank the same data and one --output_dir that all of them see (a shared file system)");
    }
    if (resuming) {
      TrainingConfig begun = c;
      const auto previous = output_dir / "config.json";
      if (std::filesystem::exists(previous)) begun.merge_json_file(previous);
      if (!begun.time_budget.empty() && std::filesystem::exists(previous)) {
        for (int64_t TrainingConfig::*field :
             {&TrainingConfig::epochs, &TrainingConfig::limit_images, &TrainingConfig::warmup_epochs,
              &TrainingConfig::warmup_teacher_temp_epochs, &TrainingConfig::freeze_last_layer})
          c.*field = begun.*field;
        c.time_budget = begun.time_budget;
        log::info("time budget: resuming the plan made when the run began (--time_budget " + begun.time_budget + "), " +
                  std::to_string(c.epochs) + " epoch(s)");
      } else if (budget > 0) {
        log::warn("--time_budget " + c.time_budget + " is ignored: " + checkpoint_file.string() +
                  " belongs to a run made without a budget, which this one resumes");
        c.time_budget.clear();
      }
    } else if (budget > 0) {
      phase_ = RunPhase::Measuring;
      if (!plan_to_budget(c, budget, device, knn_path, knn, run_start, stop_requested_, group)) {
        log::info("stopped while timing steps for the time budget; nothing was trained or saved");
        phase_ = RunPhase::Done;
        state_ = State::Stopped;
        return;
      }
    }
    if (chief) io::write_atomically(output_dir / "config.json", [&](std::ostream& out) { out << c.to_json(); });

    phase_ = RunPhase::LoadingData;
    if (!train || image_choice() != opened_with) train = open_training_images(c);
    LoaderOptions loading = loader_options(c, group.get());
    loading.pin_memory = device.is_cuda();
    MultiCropLoader loader(train, multi_crop_options(c), loading);
    const int64_t iterations = loader.batches_per_epoch();
    if (iterations == 0)
      throw ConfigError("--batch_size_per_gpu " + std::to_string(c.batch_size_per_gpu) + " exceeds the " +
                        std::to_string(train->size()) + " training images" +
                        (group ? " shared by " + std::to_string(world) + " processes" : std::string()));
    DinoTrainer trainer(trainer_options(c, iterations, device, group));
    const VitConfig vit = c.vit();
    const io::PyValue args = checkpoint_args(c);  // a plain dict (the reference stores an argparse.Namespace)

    // Resume from output_dir/checkpoint.pth as the reference does, and exactly where it stopped.
    RunPosition start;
    if (resuming) {
      start = load_trainer_checkpoint(trainer, c.optimizer, checkpoint_file);
      if (start.step > 0 && start.world_size != world)
        throw ConfigError(checkpoint_file.string() + " stopped in the middle of epoch " + std::to_string(start.epoch) +
                          " of a run on " + std::to_string(start.world_size) + " process(es), where its step counts " +
                          "batches of that many: resume it with " + std::to_string(start.world_size) +
                          ", or from a checkpoint written at the end of an epoch (checkpointNNNN.pth)");
      if (group)
        require_same_facts_on_every_rank(*group, {{"epoch to resume", start.epoch}, {"step to resume", start.step}},
                                         "Every rank must read the same checkpoint.pth");
      log::info("resuming from " + checkpoint_file.string() + " at epoch " + std::to_string(start.epoch) + ", step " +
                std::to_string(start.step));
    }
    auto save = [&](RunPosition next, const std::filesystem::path& file) {
      if (!chief) return;  // every rank holds the same state: rank 0 writes it
      next.world_size = world;
      const RunPhase was = phase_.exchange(RunPhase::Saving);
      save_trainer_checkpoint(trainer, c.optimizer, args, next, file);
      phase_ = was;
    };
    log::info(describe_run(c, vit, train->size(), iterations, device) +
              (group ? " per process, " + std::to_string(world) + " processes (batch " +
                           std::to_string(c.batch_size_per_gpu * world) + " in all)"
                     : std::string()));

    std::ofstream metrics;
    if (chief) metrics.open(output_dir / "metrics.jsonl", std::ios::app);
    auto emit = [&](const MetricRecord& record) {
      if (chief) {
        metrics << record.to_json() << '\n';
        metrics.flush();
      }
      if (listener_) listener_(record);  // every rank's: the command line's Ctrl-C handling lives there
    };
    auto evaluated_after = [&](int64_t epoch) {
      return knn && ((c.knn_freq > 0 && (epoch + 1) % c.knn_freq == 0) || epoch + 1 == c.epochs);
    };
    std::vector<int64_t> evaluations;
    for (int64_t epoch = start.epoch; epoch < c.epochs; ++epoch)
      if (evaluated_after(epoch)) evaluations.push_back(epoch);
    RunRecords records(c.epochs, iterations, c.batch_size_per_gpu * world,
                       c.epochs * iterations - (start.epoch * iterations + start.step), device, evaluations);
    const EvalTransform knn_eval = knn_transform(knn_path, vit.img_size);
    LabelledSplits splits;  // opened at the first evaluation
    auto evaluate = [&](int64_t epochs_done, const std::string& when) {
      if (!knn) return;
      phase_ = RunPhase::Evaluating;
      const auto evaluation_start = Clock::now();
      if (!splits.train) splits = open_labelled_splits(knn_path, c.knn_train_images, c.knn_test_images);
      const auto result =
          evaluate_knn(trainer.teacher->backbone, *splits.train, *splits.test, knn_eval, device, 20, 0.07, group.get());
      records.evaluation_took(std::chrono::duration<double>(Clock::now() - evaluation_start).count());
      log::info("k-NN " + when + ": top-1 " + fixed(result.top1, 2) + "%, top-5 " + fixed(result.top5, 2) +
                "% (k 20, " + std::to_string(splits.train->size()) + " train / " + std::to_string(splits.test->size()) +
                " test images, teacher)");
      emit(records.knn(epochs_done, result));
      phase_ = RunPhase::Training;
    };

    if (start.epoch == 0 && start.step == 0) evaluate(0, "at initialisation");
    phase_ = RunPhase::Training;
    std::ofstream log_txt;
    if (chief) log_txt.open(output_dir / "log.txt", std::ios::app);
    double step_seconds = 0, communication_seconds = 0;
    for (int64_t epoch = start.epoch; epoch < c.epochs; ++epoch) {
      const int64_t first = epoch == start.epoch ? start.step : 0;
      loader.start_epoch(epoch, first);
      double loss_sum = 0;
      int64_t loss_count = 0;
      StepResult last;
      for (int64_t i = first; i < iterations; ++i) {
        wait_while_paused();
        bool stop = stop_requested_;
        if (group) {
          // Every rank stops at the same step when any was asked to (a launcher signals each
          // process on its own): the others would wait for it in the next exchange.
          std::vector<torch::Tensor> flag{torch::tensor({stop ? 1 : 0}, torch::kInt)};
          group->all_reduce_max(flag);
          stop = flag[0].item<int>() != 0;
        }
        if (stop) {
          save({epoch, i}, checkpoint_file);
          log::info("stopped at epoch " + std::to_string(epoch) + ", step " + std::to_string(i) + "; " +
                    checkpoint_file.string() + " resumes there");
          phase_ = RunPhase::Done;
          state_ = State::Stopped;
          return;
        }
        const auto wait_start = Clock::now();
        auto batch = loader.next();
        const auto step_start = Clock::now();
        if (!batch) throw std::runtime_error("the data loader stopped early");
        const int64_t it = epoch * iterations + i;
        last = trainer.step(batch->crops, it, epoch);
        if (!last.finite) {
          const auto& d = last.diagnostics;
          throw std::runtime_error("loss is " + std::to_string(last.loss) + " at epoch " + std::to_string(epoch) +
                                   ", iteration " + std::to_string(it) + " (lr " + std::to_string(last.lr) +
                                   ", teacher entropy " + fixed(d.teacher_entropy, 3) + ", centre norm " +
                                   fixed(d.center_norm, 3) + "); stopping. The last checkpoint in " +
                                   output_dir.string() +
                                   " is intact. Try a lower --lr, a lower --teacher_temp, or --use_fp16 false.");
        }
        loss_sum += last.loss;
        ++loss_count;
        step_seconds += std::chrono::duration<double>(Clock::now() - step_start).count();
        communication_seconds += last.communication_seconds;
        emit(records.step(last, epoch, i, std::chrono::duration<double>(step_start - wait_start).count(),
                          std::chrono::duration<double>(Clock::now() - step_start).count()));
        if (c.checkpoint_every_steps > 0 && (it + 1) % c.checkpoint_every_steps == 0 && i + 1 < iterations)
          save({epoch, i + 1}, checkpoint_file);
      }
      save({epoch + 1, 0}, checkpoint_file);
      if (c.saveckp_freq > 0 && epoch % c.saveckp_freq == 0)
        save({epoch + 1, 0}, output_dir / numbered_checkpoint(epoch));
      const double mean_loss = loss_count ? loss_sum / static_cast<double>(loss_count) : 0.0;
      if (chief)
        log_txt << "{\"train_loss\": " << mean_loss << ", \"train_lr\": " << last.lr
                << ", \"train_wd\": " << last.weight_decay << ", \"epoch\": " << epoch << "}" << std::endl;
      emit(records.epoch_summary(epoch, mean_loss, last));
      if (evaluated_after(epoch)) evaluate(epoch + 1, "after epoch " + std::to_string(epoch));
    }
    if (loader.skipped_files() > 0)
      log::warn(std::to_string(loader.skipped_files()) + " image files could not be decoded and were skipped");
    if (group && step_seconds > 0)
      log::info("averaging the gradients over " + std::to_string(world) +
                " processes, beyond what the backward pass hid, took " +
                fixed(100.0 * communication_seconds / step_seconds, 1) + "% of the steps' time (" +
                fixed(communication_seconds, 1) + " s of " + fixed(step_seconds, 1) + " s on rank 0)");
    log::info("done: checkpoints, log.txt and metrics.jsonl in " + output_dir.string());
    phase_ = RunPhase::Done;
    state_ = State::Finished;
  } catch (const std::exception& e) {
    phase_ = RunPhase::Done;
    if (group) group->announce_failure(e.what());  // the other ranks' errors quote it
    {
      std::lock_guard lock(mutex_);
      std::string what = e.what();
      error_ = what.substr(0, what.find('\n'));
    }
    // The log file's sink closed with the block above; the run's account ends with why, for
    // whoever reads the folder later (the app's Runs tab), and not a second time on the console.
    if (!train_log.empty()) append_failure_line(train_log, error());
    state_ = State::Failed;
  }
}

}  // namespace dino
