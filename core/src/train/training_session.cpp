#include "dino/train/training_session.h"

#include "dino/data/open_data.h"
#include "dino/eval/knn.h"
#include "dino/io/atomic_file.h"
#include "dino/io/torch_file.h"
#include "dino/io/training_checkpoint.h"
#include "dino/log/format.h"
#include "dino/log/log.h"
#include "dino/model/device.h"
#include "dino/model/device_info.h"
#include "dino/model/matmul.h"
#include "dino/system/host_memory.h"
#include "dino/system/simd_level.h"
#include "dino/train/optimizer_state.h"
#include "dino/train/run_options.h"

#include <ATen/core/Generator.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <chrono>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace dino {
namespace {

using Clock = std::chrono::steady_clock;

using log::fixed;

}  // namespace

const char* to_string(RunState state) {
  switch (state) {
    case RunState::Idle: return "idle";
    case RunState::Running: return "running";
    case RunState::Paused: return "paused";
    case RunState::Finished: return "finished";
    case RunState::Stopped: return "stopped";
    case RunState::Failed: return "failed";
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

void TrainingSession::run() {
  // The run keeps freed host memory for the trainer's next step (a process-wide heap setting, asked
  // for here by the run, not by the library); once the run is over (and the trainer, declared
  // below, is gone) a process that lives on gets it back.
  keep_freed_host_memory();
  struct ReleaseHostMemoryAtEnd {
    ~ReleaseHostMemoryAtEnd() { release_freed_host_memory(); }
  } release_at_end;
  state_ = State::Running;
  try {
    const TrainingConfig& c = config_;
    c.validate();
    const c10::Device device = resolve_device(c);
    torch::set_num_threads(c.threads > 0 ? static_cast<int>(c.threads) : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    set_cpu_matmul(parse_cpu_matmul(c.cpu_matmul));
    torch::manual_seed(static_cast<uint64_t>(c.seed));
    const std::filesystem::path output_dir(c.output_dir);
    std::filesystem::create_directories(output_dir);
    const log::FileSink run_log(output_dir / "train.log");  // this run's, for as long as it runs
    io::write_atomically(output_dir / "config.json", [&](std::ostream& out) { out << c.to_json(); });
    const auto amp = autocast_dtype(c, device_info(device));
    log::info("device: " + device_description(device_info(device)));
    log::info(std::string("precision: ") + (amp ? (*amp == c10::ScalarType::Half ? "fp16 autocast with a gradient scaler" : "bf16 autocast") : "fp32") +
              " on " + device.str());
    if (device.is_cpu()) log::info("fp32 matrix products: " + describe_cpu_matmul());
    log::info("augmentation's pixel loops: " + describe_simd_level());

    auto train = open_image_source(c.data_path, c.limit_images);
    LoaderOptions loading = loader_options(c);
    loading.pin_memory = device.is_cuda();
    MultiCropLoader loader(train, multi_crop_options(c), loading);
    const int64_t iterations = loader.batches_per_epoch();
    if (iterations == 0)
      throw ConfigError("--batch_size_per_gpu " + std::to_string(c.batch_size_per_gpu) + " exceeds the " +
                        std::to_string(train->size()) + " training images");
    DinoTrainer trainer(trainer_options(c, iterations, device));
    const VitConfig vit = c.vit();

    // Resume from output_dir/checkpoint.pth as the reference does, and exactly where it stopped.
    int64_t start_epoch = 0, start_step = 0;
    const auto checkpoint_file = output_dir / "checkpoint.pth";
    if (std::filesystem::exists(checkpoint_file)) {
      auto checkpoint = io::load_training_checkpoint(checkpoint_file);
      io::load_state_dict(*trainer.student, checkpoint.student, /*strict=*/true, checkpoint_file.string() + "['student']");
      io::load_state_dict(*trainer.teacher, checkpoint.teacher, /*strict=*/true, checkpoint_file.string() + "['teacher']");
      if (checkpoint.center) trainer.loss->center.copy_(*checkpoint.center);
      restore_optimizer_state(trainer.optimizer(), c.optimizer, checkpoint.optimizer);
      if (trainer.grad_scaler() && !checkpoint.fp16_scaler.is_none()) trainer.grad_scaler()->load_state_dict(checkpoint.fp16_scaler);
      start_epoch = checkpoint.epoch;
      if (const io::PyDict* resume = checkpoint.resume.attributes()) {
        if (const auto* step = resume->find("step")) start_step = step->as_int();
        if (const auto* rng = resume->find("torch_rng_state")) {
          auto generator = at::detail::getDefaultCPUGenerator();
          std::lock_guard<std::mutex> rng_lock(generator.mutex());
          generator.set_state(rng->as_tensor());
        }
      }
      log::info("resuming from " + checkpoint_file.string() + " at epoch " + std::to_string(start_epoch) + ", step " +
                std::to_string(start_step));
    }

    log::info("dino train: " + vit_arch_name(vit) + " (embed_dim " + std::to_string(vit.embed_dim) + ", depth " +
              std::to_string(vit.depth) + ", heads " + std::to_string(vit.num_heads) + ", patch " +
              std::to_string(vit.patch_size) + "), " + std::to_string(train->size()) + " images, " +
              std::to_string(2 + c.local_crops_number) + " crops (" + std::to_string(c.global_crops_size) + "/" +
              std::to_string(c.local_crops_size) + " px), " + std::to_string(iterations) + " iterations per epoch on " +
              device.str() + " with " + std::to_string(torch::get_num_threads()) + " threads");

    std::ofstream metrics(output_dir / "metrics.jsonl", std::ios::app);
    auto emit = [&](const MetricRecord& record) {
      metrics << record.to_json() << '\n';
      metrics.flush();
      if (listener_) listener_(record);
    };

    const std::string knn_path = c.knn_data_path.empty() ? c.data_path : c.knn_data_path;
    const bool knn = c.eval_knn && has_labelled_splits(knn_path);
    if (c.eval_knn && !knn)
      log::info("no k-NN evaluation: " + knn_path +
                " has no labelled train/ and val/ splits (name a folder that has them with --knn_data_path)");
    LabelledSplits splits;
    // spec §5.1 resizes to 256 and crops 224; the same ratio at the model's size, and nothing for
    // images that already have it (Fashion-MNIST at 28 px).
    const int knn_size = static_cast<int>(vit.img_size);
    const EvalTransform knn_transform{is_mnist_folder(resolve_data_path(knn_path)) ? knn_size : knn_size * 256 / 224,
                                      knn_size};
    const auto run_start = Clock::now();
    auto evaluate = [&](int64_t epoch, const std::string& when) {
      if (!knn) return;
      if (!splits.train) splits = open_labelled_splits(knn_path, c.knn_train_images, c.knn_test_images);
      auto& backbone = trainer.teacher->backbone;
      const auto& knn_train = splits.train;
      const auto& knn_test = splits.test;
      auto result = weighted_knn(extract_features(backbone, *knn_train, knn_transform, device), labels_of(*knn_train),
                                 extract_features(backbone, *knn_test, knn_transform, device), labels_of(*knn_test),
                                 20, 0.07, std::max(knn_train->num_classes(), knn_test->num_classes()));
      log::info("k-NN " + when + ": top-1 " + fixed(result.top1, 2) + "%, top-5 " + fixed(result.top5, 2) + "% (k 20, " +
                std::to_string(knn_train->size()) + " train / " + std::to_string(knn_test->size()) + " test images, teacher)");
      MetricRecord record;
      record.kind = MetricRecord::Kind::Knn;
      record.epoch = epoch;
      record.iteration = epoch * iterations;
      record.knn_top1 = result.top1;
      record.knn_top5 = result.top5;
      record.elapsed_seconds = std::chrono::duration<double>(Clock::now() - run_start).count();
      emit(record);
    };
    auto save = [&](int64_t next_epoch, int64_t step_in_epoch, const std::filesystem::path& file) {
      io::TrainingCheckpoint checkpoint;
      checkpoint.student = io::module_state_dict(*trainer.student);
      checkpoint.teacher = io::module_state_dict(*trainer.teacher);
      checkpoint.optimizer = optimizer_state_to_py(trainer.optimizer(), c.optimizer);
      checkpoint.epoch = next_epoch;
      checkpoint.args = checkpoint_args(c);  // a plain dict (the reference stores an argparse.Namespace)
      checkpoint.center = trainer.loss->center;
      if (trainer.grad_scaler()) checkpoint.fp16_scaler = trainer.grad_scaler()->state_dict();
      auto resume = io::PyValue::dict();
      resume.as_dict().set(io::PyValue::string("step"), io::PyValue::integer(step_in_epoch));
      resume.as_dict().set(io::PyValue::string("torch_rng_state"),
                           io::PyValue::tensor(at::detail::getDefaultCPUGenerator().get_state()));
      checkpoint.resume = resume;
      io::save_training_checkpoint(file, checkpoint);
    };

    if (start_epoch == 0 && start_step == 0) evaluate(0, "at initialisation");
    int64_t steps_done = 0;
    const int64_t total_steps = c.epochs * iterations - (start_epoch * iterations + start_step);
    std::ofstream log_txt(output_dir / "log.txt", std::ios::app);
    for (int64_t epoch = start_epoch; epoch < c.epochs; ++epoch) {
      const int64_t first = epoch == start_epoch ? start_step : 0;
      loader.start_epoch(epoch, first);
      double loss_sum = 0;
      int64_t loss_count = 0;
      StepResult last;
      for (int64_t i = first; i < iterations; ++i) {
        wait_while_paused();
        if (stop_requested_) {
          save(epoch, i, checkpoint_file);
          log::info("stopped at epoch " + std::to_string(epoch) + ", step " + std::to_string(i) + "; " +
                    checkpoint_file.string() + " resumes there");
          state_ = State::Stopped;
          return;
        }
        const auto wait_start = Clock::now();
        auto batch = loader.next();
        const auto step_start = Clock::now();
        if (!batch) throw std::runtime_error("the data loader stopped early");
        const int64_t it = epoch * iterations + i;
        last = trainer.step(batch->crops, it, epoch);
        const auto& d = last.diagnostics;
        if (!last.finite) {
          throw std::runtime_error("loss is " + std::to_string(last.loss) + " at epoch " + std::to_string(epoch) +
                                   ", iteration " + std::to_string(it) + " (lr " + std::to_string(last.lr) +
                                   ", teacher entropy " + fixed(d.teacher_entropy, 3) + ", centre norm " +
                                   fixed(d.center_norm, 3) + "); stopping. The last checkpoint in " + output_dir.string() +
                                   " is intact. Try a lower --lr, a lower --teacher_temp, or --use_fp16 false.");
        }
        loss_sum += last.loss;
        ++loss_count;
        ++steps_done;
        const double elapsed = std::chrono::duration<double>(Clock::now() - run_start).count();
        MetricRecord record;
        record.epoch = epoch;
        record.iteration = it;
        record.step = i;
        record.steps_per_epoch = iterations;
        record.epochs = c.epochs;
        record.loss = last.loss;
        record.lr = last.lr;
        record.weight_decay = last.weight_decay;
        record.momentum = last.momentum;
        record.teacher_temperature = d.teacher_temperature;
        record.teacher_entropy = d.teacher_entropy;
        record.kl_divergence = d.kl_divergence;
        record.mean_teacher_entropy = d.mean_teacher_entropy;
        record.center_norm = d.center_norm;
        record.center_mean = d.center_mean;
        record.center_std = d.center_std;
        record.center_min = d.center_min;
        record.center_max = d.center_max;
        record.data_seconds = std::chrono::duration<double>(step_start - wait_start).count();
        record.step_seconds = std::chrono::duration<double>(Clock::now() - step_start).count();
        record.memory_bytes = resident_memory_bytes();
        record.device_memory_bytes = device_memory_in_use(device);
        record.elapsed_seconds = elapsed;
        record.images_per_second = static_cast<double>(steps_done * c.batch_size_per_gpu) / std::max(elapsed, 1e-9);
        record.eta_seconds = elapsed / static_cast<double>(steps_done) * static_cast<double>(total_steps - steps_done);
        emit(record);
        if (c.checkpoint_every_steps > 0 && (it + 1) % c.checkpoint_every_steps == 0 && i + 1 < iterations)
          save(epoch, i + 1, checkpoint_file);
      }
      save(epoch + 1, 0, checkpoint_file);
      if (c.saveckp_freq > 0 && epoch % c.saveckp_freq == 0) {
        std::ostringstream name;
        name << "checkpoint" << std::setw(4) << std::setfill('0') << epoch << ".pth";
        save(epoch + 1, 0, output_dir / name.str());
      }
      const double mean_loss = loss_count ? loss_sum / static_cast<double>(loss_count) : 0.0;
      log_txt << "{\"train_loss\": " << mean_loss << ", \"train_lr\": " << last.lr << ", \"train_wd\": " << last.weight_decay
              << ", \"epoch\": " << epoch << "}" << std::endl;
      MetricRecord summary;
      summary.kind = MetricRecord::Kind::Epoch;
      summary.epoch = epoch;
      summary.iteration = (epoch + 1) * iterations - 1;
      summary.loss = mean_loss;
      summary.lr = last.lr;
      summary.weight_decay = last.weight_decay;
      summary.elapsed_seconds = std::chrono::duration<double>(Clock::now() - run_start).count();
      emit(summary);
      if ((c.knn_freq > 0 && (epoch + 1) % c.knn_freq == 0) || epoch + 1 == c.epochs)
        evaluate(epoch + 1, "after epoch " + std::to_string(epoch));
    }
    if (loader.skipped_files() > 0)
      log::warn(std::to_string(loader.skipped_files()) + " image files could not be decoded and were skipped");
    log::info("done: checkpoints, log.txt and metrics.jsonl in " + output_dir.string());
    state_ = State::Finished;
  } catch (const std::exception& e) {
    {
      std::lock_guard lock(mutex_);
      std::string what = e.what();
      error_ = what.substr(0, what.find('\n'));
    }
    state_ = State::Failed;
  }
}

}  // namespace dino
