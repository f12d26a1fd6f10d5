// `dino train`: DINO training with main_dino.py's flag names and defaults, plus ours.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/data_loader.h>
#include <dino/data/file_image_source.h>
#include <dino/data/idx_dataset.h>
#include <dino/eval/knn.h>
#include <dino/io/training_checkpoint.h>
#include <dino/log/log.h>
#include <dino/train/dino_trainer.h>
#include <dino/train/optimizer_state.h>

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <numeric>
#include <random>
#include <sstream>
#include <thread>

namespace dino::cli {
namespace {

struct TrainArgs {
  // main_dino.py's flags and defaults (spec §1.1)
  std::string arch = "vit_small";
  int64_t patch_size = 16;
  int64_t out_dim = 65536;
  std::string norm_last_layer = "true";
  double momentum_teacher = 0.996;
  std::string use_bn_in_head = "false";
  double warmup_teacher_temp = 0.04;
  double teacher_temp = 0.04;
  int64_t warmup_teacher_temp_epochs = 0;
  std::string use_fp16 = "true";
  double weight_decay = 0.04;
  double weight_decay_end = 0.4;
  double clip_grad = 3.0;
  int64_t batch_size_per_gpu = 64;
  int64_t epochs = 100;
  int64_t freeze_last_layer = 1;
  double lr = 0.0005;
  int64_t warmup_epochs = 10;
  double min_lr = 1e-6;
  std::string optimizer = "adamw";
  double drop_path_rate = 0.1;
  std::vector<double> global_crops_scale{0.4, 1.0};
  int64_t local_crops_number = 8;
  std::vector<double> local_crops_scale{0.05, 0.4};
  std::string data_path = "fashion-mnist";  // the built-in demo
  std::string output_dir = ".";
  int64_t saveckp_freq = 20;
  int64_t seed = 0;
  int64_t num_workers = 10;
  // ours
  std::string device = "auto";
  int global_crops_size = 224;
  int local_crops_size = 96;
  int64_t embed_dim = 0, depth = 0, num_heads = 0;  // 0: from --arch
  int64_t head_hidden_dim = 2048, head_bottleneck_dim = 256, head_layers = 3;
  int64_t limit_images = 0;
  int64_t print_freq = 10;
  int64_t knn_freq = 0;  // epochs; 0: only after the last epoch
  int64_t knn_train_images = 10000, knn_test_images = 10000;
  std::string eval_knn = "true";
  int64_t threads = 0;
};

bool parse_bool_flag(const std::string& flag, const std::string& value) {
  std::string v = value;
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (v == "on" || v == "true" || v == "1") return true;
  if (v == "off" || v == "false" || v == "0") return false;
  throw UsageError("--" + flag + " " + value + ": use true/false (also on/off, 1/0)");
}

std::string fixed(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

std::string scientific(double value) {
  std::ostringstream out;
  out << std::scientific << std::setprecision(3) << value;
  return out.str();
}

std::string duration(double seconds) {
  const auto s = static_cast<int64_t>(seconds);
  std::ostringstream out;
  out << s / 3600 << ':' << std::setw(2) << std::setfill('0') << (s / 60) % 60 << ':' << std::setw(2) << s % 60;
  return out.str();
}

io::PyValue args_to_py(const TrainArgs& a, const VitConfig& vit) {
  auto d = io::PyValue::dict();
  auto set = [&](const char* key, io::PyValue value) { d.as_dict().set(io::PyValue::string(key), std::move(value)); };
  auto floats = [](const std::vector<double>& values) {
    std::vector<io::PyValue> items;
    for (double v : values) items.push_back(io::PyValue::floating(v));
    return io::PyValue::list(items);
  };
  set("arch", io::PyValue::string(vit_arch_name(vit)));
  set("patch_size", io::PyValue::integer(vit.patch_size));
  set("embed_dim", io::PyValue::integer(vit.embed_dim));
  set("depth", io::PyValue::integer(vit.depth));
  set("num_heads", io::PyValue::integer(vit.num_heads));
  set("out_dim", io::PyValue::integer(a.out_dim));
  set("norm_last_layer", io::PyValue::boolean(parse_bool_flag("norm_last_layer", a.norm_last_layer)));
  set("momentum_teacher", io::PyValue::floating(a.momentum_teacher));
  set("warmup_teacher_temp", io::PyValue::floating(a.warmup_teacher_temp));
  set("teacher_temp", io::PyValue::floating(a.teacher_temp));
  set("warmup_teacher_temp_epochs", io::PyValue::integer(a.warmup_teacher_temp_epochs));
  set("weight_decay", io::PyValue::floating(a.weight_decay));
  set("weight_decay_end", io::PyValue::floating(a.weight_decay_end));
  set("clip_grad", io::PyValue::floating(a.clip_grad));
  set("batch_size_per_gpu", io::PyValue::integer(a.batch_size_per_gpu));
  set("epochs", io::PyValue::integer(a.epochs));
  set("freeze_last_layer", io::PyValue::integer(a.freeze_last_layer));
  set("lr", io::PyValue::floating(a.lr));
  set("warmup_epochs", io::PyValue::integer(a.warmup_epochs));
  set("min_lr", io::PyValue::floating(a.min_lr));
  set("optimizer", io::PyValue::string(a.optimizer));
  set("drop_path_rate", io::PyValue::floating(a.drop_path_rate));
  set("global_crops_scale", floats(a.global_crops_scale));
  set("local_crops_number", io::PyValue::integer(a.local_crops_number));
  set("local_crops_scale", floats(a.local_crops_scale));
  set("global_crops_size", io::PyValue::integer(a.global_crops_size));
  set("local_crops_size", io::PyValue::integer(a.local_crops_size));
  set("data_path", io::PyValue::string(a.data_path));
  set("seed", io::PyValue::integer(a.seed));
  return d;
}

void validate(const TrainArgs& a) {
  auto positive = [](const char* flag, double v) {
    if (!(v > 0)) throw UsageError(std::string("--") + flag + " must be positive");
  };
  positive("batch_size_per_gpu", static_cast<double>(a.batch_size_per_gpu));
  positive("epochs", static_cast<double>(a.epochs));
  positive("out_dim", static_cast<double>(a.out_dim));
  positive("teacher_temp", a.teacher_temp);
  positive("warmup_teacher_temp", a.warmup_teacher_temp);
  positive("global_crops_size", a.global_crops_size);
  positive("local_crops_size", a.local_crops_size);
  if (a.local_crops_number < 0) throw UsageError("--local_crops_number must not be negative");
  for (const auto* scale : {&a.global_crops_scale, &a.local_crops_scale}) {
    if (scale->size() != 2 || (*scale)[0] <= 0 || (*scale)[0] > (*scale)[1] || (*scale)[1] > 1)
      throw UsageError(std::string(scale == &a.global_crops_scale ? "--global_crops_scale" : "--local_crops_scale") +
                       " takes two values 0 < min <= max <= 1");
  }
  if (a.warmup_teacher_temp_epochs > a.epochs) throw UsageError("--warmup_teacher_temp_epochs exceeds --epochs");
  if (a.momentum_teacher < 0 || a.momentum_teacher > 1) throw UsageError("--momentum_teacher must lie in [0, 1]");
  if (parse_bool_flag("use_bn_in_head", a.use_bn_in_head))
    throw UsageError("--use_bn_in_head true is not supported yet by dino train");
}

VitConfig model_config(const TrainArgs& a) {
  auto preset = vit_preset(a.arch, a.patch_size);
  if (!preset) throw UsageError("--arch " + a.arch + ": choose vit_tiny, vit_small or vit_base");
  VitConfig vit = *preset;
  if (a.embed_dim) vit.embed_dim = a.embed_dim;
  if (a.depth) vit.depth = a.depth;
  if (a.num_heads) vit.num_heads = a.num_heads;
  vit.img_size = a.global_crops_size;
  if (auto why = vit.validate(); !why.empty()) throw UsageError("model: " + why);
  if (a.local_crops_number > 0 && a.local_crops_size < a.patch_size)
    throw UsageError("--local_crops_size " + std::to_string(a.local_crops_size) + " is smaller than one patch");
  return vit;
}

std::filesystem::path mnist_folder(const std::string& data_path) {
  return data_path == "fashion-mnist" ? kFashionMnistDir : std::filesystem::path(data_path);
}

// An MNIST-layout folder (train-images-idx3-ubyte[.gz] and friends) rather than image files.
bool is_mnist_folder(const std::string& data_path) {
  const auto folder = mnist_folder(data_path);
  return std::filesystem::exists(folder / "train-images-idx3-ubyte.gz") || std::filesystem::exists(folder / "train-images-idx3-ubyte");
}

std::unique_ptr<IdxImageSource> open_split(const std::string& data_path, const std::string& split, int64_t limit) {
  return std::make_unique<IdxImageSource>(read_mnist_split(mnist_folder(data_path), split), limit);
}

// The training images: an MNIST-layout folder, a folder of class folders or images, or a list file.
std::shared_ptr<const ImageSource> open_training_data(const std::string& data_path, int64_t limit) {
  if (is_mnist_folder(data_path)) return open_split(data_path, "train", limit);
  if (!std::filesystem::exists(data_path))
    throw UsageError("--data_path " + data_path + ": no such folder or file ('fashion-mnist' is the built-in demo)");
  auto files = FileImageSource::open(data_path);
  if (limit > 0 && limit < files.size()) {
    std::vector<std::filesystem::path> kept;
    std::vector<int64_t> labels;
    for (int64_t i = 0; i < limit; ++i) {
      kept.push_back(files.file(i));
      labels.push_back(files.label(i));
    }
    return std::make_shared<FileImageSource>(kept, files.num_classes() ? labels : std::vector<int64_t>{}, files.classes());
  }
  return std::make_shared<FileImageSource>(std::move(files));
}

void run_train(const TrainArgs& a) {
  validate(a);
  const VitConfig vit = model_config(a);
  const c10::Device device = resolve_device(a.device);
  torch::set_num_threads(a.threads > 0 ? static_cast<int>(a.threads)
                                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  torch::manual_seed(static_cast<uint64_t>(a.seed));
  const std::filesystem::path output_dir(a.output_dir);
  std::filesystem::create_directories(output_dir);
  log::add_file(output_dir / "train.log");
  if (parse_bool_flag("use_fp16", a.use_fp16) && !device.is_cuda())
    log::info("--use_fp16 applies to CUDA only; training in fp32 on " + device.str());

  auto train = open_training_data(a.data_path, a.limit_images);
  MultiCropOptions crops;
  crops.global_crops_size = a.global_crops_size;
  crops.local_crops_size = a.local_crops_size;
  crops.global_crops_scale = {a.global_crops_scale[0], a.global_crops_scale[1]};
  crops.local_crops_scale = {a.local_crops_scale[0], a.local_crops_scale[1]};
  crops.local_crops_number = static_cast<int>(a.local_crops_number);
  LoaderOptions loading;
  loading.batch_size = a.batch_size_per_gpu;
  loading.num_workers = static_cast<int>(std::max<int64_t>(1, a.num_workers));
  loading.seed = static_cast<uint64_t>(a.seed);
  loading.pin_memory = device.is_cuda();
  MultiCropLoader loader(train, crops, loading);
  const int64_t iterations = loader.batches_per_epoch();  // drop_last
  if (iterations == 0)
    throw UsageError("--batch_size_per_gpu " + std::to_string(a.batch_size_per_gpu) + " exceeds the " +
                     std::to_string(train->size()) + " training images");

  TrainerOptions options;
  options.vit = vit;
  options.drop_path_rate = a.drop_path_rate;
  options.head.out_dim = a.out_dim;
  options.head.hidden_dim = a.head_hidden_dim;
  options.head.bottleneck_dim = a.head_bottleneck_dim;
  options.head.nlayers = a.head_layers;
  options.norm_last_layer = parse_bool_flag("norm_last_layer", a.norm_last_layer);
  options.loss.ncrops = crops.crops();
  options.loss.warmup_teacher_temp = a.warmup_teacher_temp;
  options.loss.teacher_temp = a.teacher_temp;
  options.loss.warmup_teacher_temp_epochs = a.warmup_teacher_temp_epochs;
  options.optimizer = a.optimizer;
  options.lr = a.lr;
  options.min_lr = a.min_lr;
  options.warmup_epochs = a.warmup_epochs;
  options.weight_decay = a.weight_decay;
  options.weight_decay_end = a.weight_decay_end;
  options.momentum_teacher = a.momentum_teacher;
  options.clip_grad = a.clip_grad;
  options.freeze_last_layer = a.freeze_last_layer;
  options.epochs = a.epochs;
  options.iterations_per_epoch = iterations;
  options.total_batch_size = a.batch_size_per_gpu;
  options.device = device;
  DinoTrainer trainer(options);

  log::info("dino train: " + vit_arch_name(vit) + " (embed_dim " + std::to_string(vit.embed_dim) + ", depth " +
            std::to_string(vit.depth) + ", heads " + std::to_string(vit.num_heads) + ", patch " +
            std::to_string(vit.patch_size) + "), " + std::to_string(train->size()) + " images, " +
            std::to_string(crops.crops()) + " crops (" + std::to_string(a.global_crops_size) + "/" +
            std::to_string(a.local_crops_size) + " px), " + std::to_string(iterations) + " iterations per epoch on " +
            device.str() + " with " + std::to_string(torch::get_num_threads()) + " threads");

  bool knn = parse_bool_flag("eval_knn", a.eval_knn);
  if (knn && !is_mnist_folder(a.data_path)) {
    log::info("k-NN evaluation needs a labelled test split; it runs on MNIST-format data only for now");
    knn = false;
  }
  std::unique_ptr<IdxImageSource> knn_train, knn_test;
  auto evaluate = [&](const std::string& when) {
    if (!knn) return;
    if (!knn_train) {
      knn_train = open_split(a.data_path, "train", a.knn_train_images);
      knn_test = open_split(a.data_path, "t10k", a.knn_test_images);
    }
    const auto start = std::chrono::steady_clock::now();
    auto& backbone = trainer.teacher->backbone;
    auto result = weighted_knn(extract_features(backbone, *knn_train, a.global_crops_size, device),
                               labels_of(*knn_train), extract_features(backbone, *knn_test, a.global_crops_size, device),
                               labels_of(*knn_test), 20, 0.07, knn_train->num_classes());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    log::info("k-NN " + when + ": top-1 " + fixed(result.top1, 2) + "%, top-5 " + fixed(result.top5, 2) + "% (k 20, " +
              std::to_string(knn_train->size()) + " train / " + std::to_string(knn_test->size()) + " test images, teacher, " +
              fixed(seconds, 1) + " s)");
  };
  evaluate("at initialisation");

  std::ofstream log_txt(output_dir / "log.txt", std::ios::app);
  const auto run_start = std::chrono::steady_clock::now();
  int64_t steps_done = 0;
  const int64_t total_steps = a.epochs * iterations;
  for (int64_t epoch = 0; epoch < a.epochs; ++epoch) {
    double loss_sum = 0;
    StepResult last;
    loader.start_epoch(epoch);
    for (int64_t i = 0; i < iterations; ++i) {
      auto batch = loader.next();
      if (!batch) throw std::runtime_error("the data loader stopped early");
      const int64_t it = epoch * iterations + i;
      last = trainer.step(batch->crops, it, epoch);
      if (!last.finite) {
        const auto& d = last.diagnostics;
        throw std::runtime_error(
            "loss is " + std::to_string(last.loss) + " at epoch " + std::to_string(epoch) + ", iteration " +
            std::to_string(it) + " (lr " + scientific(last.lr) + ", teacher entropy " + fixed(d.teacher_entropy, 3) +
            ", centre norm " + fixed(d.center_norm, 3) + "); stopping. The last checkpoint in " + output_dir.string() +
            " is intact. Try a lower --lr, --clip_grad, a lower --teacher_temp, or --use_fp16 false.");
      }
      loss_sum += last.loss;
      ++steps_done;
      if (i % a.print_freq == 0 || i + 1 == iterations) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();
        const double rate = static_cast<double>(steps_done * a.batch_size_per_gpu) / elapsed;
        const double eta = elapsed / static_cast<double>(steps_done) * static_cast<double>(total_steps - steps_done);
        log::info("Epoch [" + std::to_string(epoch) + "/" + std::to_string(a.epochs) + "] [" + std::to_string(i) + "/" +
                  std::to_string(iterations) + "] loss " + fixed(last.loss, 4) + " h(Pt) " +
                  fixed(last.diagnostics.teacher_entropy, 3) + " KL " + fixed(last.diagnostics.kl_divergence, 3) +
                  " lr " + scientific(last.lr) + " wd " + fixed(last.weight_decay, 4) + " m " +
                  fixed(last.momentum, 5) + " | " + fixed(rate, 1) + " img/s, eta " + duration(eta));
      }
    }
    io::TrainingCheckpoint checkpoint;
    checkpoint.student = io::module_state_dict(*trainer.student);
    checkpoint.teacher = io::module_state_dict(*trainer.teacher);
    checkpoint.optimizer = optimizer_state_to_py(trainer.optimizer(), a.optimizer);
    checkpoint.epoch = epoch + 1;
    checkpoint.args = args_to_py(a, vit);
    checkpoint.center = trainer.loss->center;
    io::save_training_checkpoint(output_dir / "checkpoint.pth", checkpoint);
    if (a.saveckp_freq > 0 && epoch % a.saveckp_freq == 0) {
      std::ostringstream name;
      name << "checkpoint" << std::setw(4) << std::setfill('0') << epoch << ".pth";
      io::save_training_checkpoint(output_dir / name.str(), checkpoint);
    }
    log_txt << "{\"train_loss\": " << loss_sum / static_cast<double>(iterations) << ", \"train_lr\": " << last.lr
            << ", \"train_wd\": " << last.weight_decay << ", \"epoch\": " << epoch << "}" << std::endl;
    if ((a.knn_freq > 0 && (epoch + 1) % a.knn_freq == 0) || epoch + 1 == a.epochs) evaluate("after epoch " + std::to_string(epoch));
  }
  if (loader.skipped_files() > 0)
    log::warn(std::to_string(loader.skipped_files()) + " image files could not be decoded and were skipped");
  log::info("done: checkpoints and log.txt in " + output_dir.string());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto a = std::make_shared<TrainArgs>();
  auto* cmd = app.add_subcommand("train", "Train DINO (flags as main_dino.py; Fashion-MNIST by default)");
  cmd->add_option("--arch", a->arch, "vit_tiny, vit_small or vit_base")->capture_default_str();
  cmd->add_option("--patch_size", a->patch_size, "Patch size in pixels")->capture_default_str();
  cmd->add_option("--out_dim", a->out_dim, "Dimension K of the DINO head output")->capture_default_str();
  cmd->add_option("--norm_last_layer", a->norm_last_layer, "Weight-normalise the last layer with g fixed at 1")->capture_default_str();
  cmd->add_option("--momentum_teacher", a->momentum_teacher, "Base EMA momentum, raised to 1 by a cosine")->capture_default_str();
  cmd->add_option("--use_bn_in_head", a->use_bn_in_head, "BatchNorm in the head")->capture_default_str();
  cmd->add_option("--warmup_teacher_temp", a->warmup_teacher_temp, "Teacher temperature at epoch 0")->capture_default_str();
  cmd->add_option("--teacher_temp", a->teacher_temp, "Teacher temperature after warm-up")->capture_default_str();
  cmd->add_option("--warmup_teacher_temp_epochs", a->warmup_teacher_temp_epochs, "Teacher temperature warm-up epochs")->capture_default_str();
  cmd->add_option("--use_fp16", a->use_fp16, "Mixed precision (CUDA)")->capture_default_str();
  cmd->add_option("--weight_decay", a->weight_decay, "Initial weight decay")->capture_default_str();
  cmd->add_option("--weight_decay_end", a->weight_decay_end, "Final weight decay (cosine)")->capture_default_str();
  cmd->add_option("--clip_grad", a->clip_grad, "Per-parameter gradient norm limit; 0 disables")->capture_default_str();
  cmd->add_option("--batch_size_per_gpu", a->batch_size_per_gpu, "Images per step")->capture_default_str();
  cmd->add_option("--epochs", a->epochs, "Training epochs")->capture_default_str();
  cmd->add_option("--freeze_last_layer", a->freeze_last_layer, "Epochs with the last layer frozen")->capture_default_str();
  cmd->add_option("--lr", a->lr, "Peak learning rate for a batch of 256 (scaled linearly)")->capture_default_str();
  cmd->add_option("--warmup_epochs", a->warmup_epochs, "Linear learning-rate warm-up epochs")->capture_default_str();
  cmd->add_option("--min_lr", a->min_lr, "Final learning rate (not scaled)")->capture_default_str();
  cmd->add_option("--optimizer", a->optimizer, "adamw or sgd")->capture_default_str();
  cmd->add_option("--drop_path_rate", a->drop_path_rate, "Stochastic depth of the student")->capture_default_str();
  cmd->add_option("--global_crops_scale", a->global_crops_scale, "Scale range of the global crops")->expected(2)->capture_default_str();
  cmd->add_option("--local_crops_number", a->local_crops_number, "Number of local crops")->capture_default_str();
  cmd->add_option("--local_crops_scale", a->local_crops_scale, "Scale range of the local crops")->expected(2)->capture_default_str();
  cmd->add_option("--data_path", a->data_path,
                  "Image folder (class sub-folders or flat), list file of paths, MNIST-format folder, or 'fashion-mnist'")->capture_default_str();
  cmd->add_option("--output_dir", a->output_dir, "Checkpoints, log.txt and train.log")->capture_default_str();
  cmd->add_option("--saveckp_freq", a->saveckp_freq, "Numbered checkpoint every N epochs")->capture_default_str();
  cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
  cmd->add_option("--num_workers", a->num_workers, "Data loader threads")->capture_default_str();
  cmd->add_option("--device", a->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option("--global_crops_size", a->global_crops_size, "Global crop size in pixels")->capture_default_str();
  cmd->add_option("--local_crops_size", a->local_crops_size, "Local crop size in pixels")->capture_default_str();
  cmd->add_option("--embed_dim", a->embed_dim, "Override the width of --arch");
  cmd->add_option("--depth", a->depth, "Override the depth of --arch");
  cmd->add_option("--num_heads", a->num_heads, "Override the heads of --arch");
  cmd->add_option("--head_hidden_dim", a->head_hidden_dim, "Hidden width of the DINO head")->capture_default_str();
  cmd->add_option("--head_bottleneck_dim", a->head_bottleneck_dim, "Bottleneck of the DINO head")->capture_default_str();
  cmd->add_option("--head_layers", a->head_layers, "Layers of the DINO head MLP")->capture_default_str();
  cmd->add_option("--limit_images", a->limit_images, "Train on the first N images only (0: all)")->capture_default_str();
  cmd->add_option("--print_freq", a->print_freq, "Progress line every N iterations")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--eval_knn", a->eval_knn, "Weighted 20-NN accuracy of the teacher before and after training")->capture_default_str();
  cmd->add_option("--knn_freq", a->knn_freq, "Also evaluate every N epochs (0: only at the end)")->capture_default_str();
  cmd->add_option("--knn_train_images", a->knn_train_images, "Training images in the k-NN bank")->capture_default_str();
  cmd->add_option("--knn_test_images", a->knn_test_images, "Test images evaluated")->capture_default_str();
  cmd->add_option("--threads", a->threads, "CPU threads (0: all cores)")->capture_default_str();
  cmd->callback([a] { run_train(*a); });
}

}  // namespace dino::cli
