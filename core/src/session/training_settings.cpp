#include "dino/session/training_settings.h"

#include "dino/log/human_readable.h"
#include "dino/model/vit_config.h"
#include "translatable.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace dino {
namespace {

using C = TrainingConfig;
using Kind = SettingKind;

// The group names, translated by the app in the "TrainingSetting" context.
const char* const kData = DINO_TEXT("TrainingSetting", "Data");
const char* const kModel = DINO_TEXT("TrainingSetting", "Model");
const char* const kOptimisation = DINO_TEXT("TrainingSetting", "Optimisation");
const char* const kDino = DINO_TEXT("TrainingSetting", "DINO");
const char* const kMultiCrop = DINO_TEXT("TrainingSetting", "Multi-crop");
const char* const kSchedule = DINO_TEXT("TrainingSetting", "Schedule");
const char* const kHardware = DINO_TEXT("TrainingSetting", "Hardware");
const char* const kOutput = DINO_TEXT("TrainingSetting", "Output");

template <typename T>
constexpr Kind kind_of() {
  if constexpr (std::is_same_v<T, bool>) return Kind::flag;
  if constexpr (std::is_same_v<T, int64_t>) return Kind::integer;
  if constexpr (std::is_same_v<T, double>) return Kind::real;
  if constexpr (std::is_same_v<T, std::string>) return Kind::text;
  return Kind::real_pair;
}

// Builds one row: the setting's field and default, then its limits and kind where they differ
// from the field's type.
struct Row {
  SettingDescription d;

  template <typename T, typename V>
  Row(const char* key, T C::*field, V default_value, const char* group, const char* label, const char* help) {
    d.key = key;
    d.kind = kind_of<T>();
    d.field = field;
    d.default_value = T(default_value);
    d.group = group;
    d.label = label;
    d.help = help;
  }
  Row& reference() {
    d.from_reference = true;
    return *this;
  }
  Row& at_least(double v) {
    d.minimum = SettingBound{v, false};
    return *this;
  }
  Row& above(double v) {
    d.minimum = SettingBound{v, true};
    return *this;
  }
  Row& at_most(double v) {
    d.maximum = SettingBound{v, false};
    return *this;
  }
  Row& below(double v) {
    d.maximum = SettingBound{v, true};
    return *this;
  }
  Row& one_of(std::vector<std::string> choices) {
    d.kind = Kind::choice;
    d.choices = std::move(choices);
    return *this;
  }
  Row& aliases(std::vector<std::string> names) {
    d.aliases = std::move(names);
    return *this;
  }
  Row& also_spelled(std::vector<std::string> flags) {
    d.flag_aliases = std::move(flags);
    return *this;
  }
  Row& path() {
    d.kind = Kind::path;
    return *this;
  }
  Row& command_line_only() {
    d.command_line_only = true;
    return *this;
  }
};

std::vector<SettingDescription> make_table() {
  std::vector<SettingDescription> t;
  auto add = [&t](const Row& row) { t.push_back(row.d); };
  // clang-format off
  // Data
  add(Row("data_path", &C::data_path, "fashion-mnist", kData, DINO_TEXT("TrainingSetting", "Images"),
          DINO_TEXT("TrainingSetting", "A folder of class folders (labels kept), a flat folder of images, a text file listing image paths, an MNIST-format folder, or fashion-mnist for the built-in demo."))
          .reference().path());
  add(Row("limit_images", &C::limit_images, 0, kData, DINO_TEXT("TrainingSetting", "Use only the first N images"), DINO_TEXT("TrainingSetting", "Train on the first N images only; 0 uses all of them."))
          .at_least(0));
  add(Row("num_workers", &C::num_workers, 10, kData, DINO_TEXT("TrainingSetting", "Loader threads"), DINO_TEXT("TrainingSetting", "Threads decoding and augmenting images, per GPU."))
          .reference().at_least(0).at_most(256));
  // Model
  add(Row("arch", &C::arch, "vit_small", kModel, DINO_TEXT("TrainingSetting", "Architecture"), DINO_TEXT("TrainingSetting", "ViT size. The reference README trains vit_small; deit_tiny and deit_small, the reference's other names for vit_tiny and vit_small, are accepted too."))
          .reference().one_of(vit_preset_names()).aliases({"deit_tiny", "deit_small"}));
  add(Row("patch_size", &C::patch_size, 16, kModel, DINO_TEXT("TrainingSetting", "Patch size"), DINO_TEXT("TrainingSetting", "Pixels per patch side. 8 gives finer attention maps than 16 at about 4x the cost."))
          .reference().at_least(1).at_most(64));
  add(Row("embed_dim", &C::embed_dim, 0, kModel, DINO_TEXT("TrainingSetting", "Width (0: the architecture's)"), DINO_TEXT("TrainingSetting", "Overrides the embedding dimension of --arch; 0 keeps it."))
          .at_least(0).at_most(4096));
  add(Row("depth", &C::depth, 0, kModel, DINO_TEXT("TrainingSetting", "Depth (0: the architecture's)"), DINO_TEXT("TrainingSetting", "Overrides the number of blocks of --arch; 0 keeps it."))
          .at_least(0).at_most(64));
  add(Row("num_heads", &C::num_heads, 0, kModel, DINO_TEXT("TrainingSetting", "Heads (0: the architecture's)"), DINO_TEXT("TrainingSetting", "Overrides the attention heads of --arch; 0 keeps them."))
          .at_least(0).at_most(64));
  add(Row("drop_path_rate", &C::drop_path_rate, 0.1, kModel, DINO_TEXT("TrainingSetting", "Stochastic depth"), DINO_TEXT("TrainingSetting", "Stochastic depth (drop-path rate) of the student; the teacher has none."))
          .reference().at_least(0).below(1));
  add(Row("out_dim", &C::out_dim, 65536, kModel, DINO_TEXT("TrainingSetting", "Head output K"), DINO_TEXT("TrainingSetting", "Dimension K of the DINO head's output; smaller for small data."))
          .reference().at_least(1).at_most(1 << 20));
  add(Row("head_hidden_dim", &C::head_hidden_dim, 2048, kModel, DINO_TEXT("TrainingSetting", "Head hidden width"), DINO_TEXT("TrainingSetting", "Width of the DINO head's MLP."))
          .at_least(1).at_most(1 << 16));
  add(Row("head_bottleneck_dim", &C::head_bottleneck_dim, 256, kModel, DINO_TEXT("TrainingSetting", "Head bottleneck"), DINO_TEXT("TrainingSetting", "Bottleneck before the head's last layer."))
          .at_least(1).at_most(1 << 16));
  add(Row("head_layers", &C::head_layers, 3, kModel, DINO_TEXT("TrainingSetting", "Head layers"), DINO_TEXT("TrainingSetting", "Layers of the DINO head's MLP."))
          .at_least(1).at_most(8));
  add(Row("norm_last_layer", &C::norm_last_layer, true, kModel, DINO_TEXT("TrainingSetting", "Weight-normalise the last layer"),
          DINO_TEXT("TrainingSetting", "Weight-normalise the head's last layer with g fixed at 1. The reference recommends it for stability; off (the boosted recipe) performs better for ViT-S."))
          .reference());
  add(Row("use_bn_in_head", &C::use_bn_in_head, false, kModel, DINO_TEXT("TrainingSetting", "BatchNorm in the head"), DINO_TEXT("TrainingSetting", "BatchNorm in the head's MLP. Off for ViTs; the reference uses it for ResNets."))
          .reference());
  // Optimisation
  add(Row("optimizer", &C::optimizer, "adamw", kOptimisation, DINO_TEXT("TrainingSetting", "Optimizer"), DINO_TEXT("TrainingSetting", "adamw is the reference's default for ViTs; sgd (momentum 0.9); lars for large batches."))
          .reference().one_of({"adamw", "sgd", "lars"}));
  add(Row("lr", &C::lr, 0.0005, kOptimisation, DINO_TEXT("TrainingSetting", "Learning rate (per 256 images)"),
          DINO_TEXT("TrainingSetting", "Peak learning rate for a batch of 256, scaled linearly with the batch and reached after the warm-up."))
          .reference().at_least(0));
  add(Row("min_lr", &C::min_lr, 1e-6, kOptimisation, DINO_TEXT("TrainingSetting", "Final learning rate"), DINO_TEXT("TrainingSetting", "End of the learning rate's cosine decay (not scaled with the batch)."))
          .reference().at_least(0));
  add(Row("weight_decay", &C::weight_decay, 0.04, kOptimisation, DINO_TEXT("TrainingSetting", "Weight decay (start)"), DINO_TEXT("TrainingSetting", "Initial weight decay, rising on a cosine to the end value. Biases and norms are exempt."))
          .reference());
  add(Row("weight_decay_end", &C::weight_decay_end, 0.4, kOptimisation, DINO_TEXT("TrainingSetting", "Weight decay (end)"), DINO_TEXT("TrainingSetting", "Final weight decay of the cosine."))
          .reference());
  add(Row("clip_grad", &C::clip_grad, 3.0, kOptimisation, DINO_TEXT("TrainingSetting", "Gradient clipping"), DINO_TEXT("TrainingSetting", "Per-parameter gradient norm limit; 0 disables clipping."))
          .reference().at_least(0));
  add(Row("batch_size_per_gpu", &C::batch_size_per_gpu, 64, kOptimisation, DINO_TEXT("TrainingSetting", "Batch size"), DINO_TEXT("TrainingSetting", "Images per step (per GPU)."))
          .reference().at_least(1).at_most(1 << 16));
  // DINO
  add(Row("momentum_teacher", &C::momentum_teacher, 0.996, kDino, DINO_TEXT("TrainingSetting", "Teacher momentum"),
          DINO_TEXT("TrainingSetting", "Base EMA momentum of the teacher, raised to 1 by a cosine; lower (0.99) for short runs or small batches."))
          .reference().at_least(0).at_most(1));
  add(Row("warmup_teacher_temp", &C::warmup_teacher_temp, 0.04, kDino, DINO_TEXT("TrainingSetting", "Teacher temperature (start)"),
          DINO_TEXT("TrainingSetting", "Teacher temperature at epoch 0. Too high makes the teacher's output uniform."))
          .reference().above(0));
  add(Row("teacher_temp", &C::teacher_temp, 0.04, kDino, DINO_TEXT("TrainingSetting", "Teacher temperature"), DINO_TEXT("TrainingSetting", "Teacher temperature after the warm-up (0.07 in the boosted recipe; above 0.07 is unstable)."))
          .reference().above(0));
  add(Row("warmup_teacher_temp_epochs", &C::warmup_teacher_temp_epochs, 0, kDino, DINO_TEXT("TrainingSetting", "Temperature warm-up epochs"),
          DINO_TEXT("TrainingSetting", "Epochs of the linear teacher temperature warm-up (30 in the boosted recipe); at most --epochs."))
          .reference().at_least(0).at_most(100000));
  // Multi-crop
  add(Row("global_crops_size", &C::global_crops_size, 224, kMultiCrop, DINO_TEXT("TrainingSetting", "Global crop size"), DINO_TEXT("TrainingSetting", "Side of the two global crops in pixels: 224 for ImageNet, 28 for Fashion-MNIST."))
          .at_least(1).at_most(4096));
  add(Row("global_crops_scale", &C::global_crops_scale, std::vector<double>{0.4, 1.0}, kMultiCrop, DINO_TEXT("TrainingSetting", "Global crop scale"),
          DINO_TEXT("TrainingSetting", "Area range of the two global crops, two numbers min max; 0.14 1.0 without local crops."))
          .reference().above(0).at_most(1));
  add(Row("local_crops_number", &C::local_crops_number, 8, kMultiCrop, DINO_TEXT("TrainingSetting", "Local crops"), DINO_TEXT("TrainingSetting", "Number of small local crops; 0 disables multi-crop."))
          .reference().at_least(0).at_most(64));
  add(Row("local_crops_size", &C::local_crops_size, 96, kMultiCrop, DINO_TEXT("TrainingSetting", "Local crop size"), DINO_TEXT("TrainingSetting", "Side of the local crops in pixels: 96 for ImageNet; at least one patch."))
          .at_least(1).at_most(4096));
  add(Row("local_crops_scale", &C::local_crops_scale, std::vector<double>{0.05, 0.4}, kMultiCrop, DINO_TEXT("TrainingSetting", "Local crop scale"),
          DINO_TEXT("TrainingSetting", "Area range of the local crops, two numbers min max."))
          .reference().above(0).at_most(1));
  // Schedule
  add(Row("epochs", &C::epochs, 100, kSchedule, DINO_TEXT("TrainingSetting", "Epochs"), DINO_TEXT("TrainingSetting", "Training epochs: 100 in the reference README, 300 in the boosted recipe."))
          .reference().at_least(1).at_most(100000));
  add(Row("warmup_epochs", &C::warmup_epochs, 10, kSchedule, DINO_TEXT("TrainingSetting", "Learning-rate warm-up epochs"), DINO_TEXT("TrainingSetting", "Epochs of the linear learning-rate warm-up from 0."))
          .reference().at_least(0).at_most(100000));
  add(Row("freeze_last_layer", &C::freeze_last_layer, 1, kSchedule, DINO_TEXT("TrainingSetting", "Frozen last layer (epochs)"),
          DINO_TEXT("TrainingSetting", "The head's last layer does not train for this many epochs. Raise it if training is unstable."))
          .reference().at_least(0).at_most(100000));
  add(Row("time_budget", &C::time_budget, "", kSchedule, DINO_TEXT("TrainingSetting", "Time budget"),
          DINO_TEXT("TrainingSetting", "A wall-clock budget such as 10m or 1h30m (empty: none). The run times a few steps first; when the recipe's epochs do not fit it trains each on fewer images, spread over the data, and when more fit it adds epochs, so that the schedules finish within the budget. A resumed run keeps the plan."))
          );
  add(Row("seed", &C::seed, 0, kSchedule, DINO_TEXT("TrainingSetting", "Seed"), DINO_TEXT("TrainingSetting", "Everything random follows from it, whatever the number of threads."))
          .reference());
  // Hardware
  add(Row("device", &C::device, "auto", kHardware, DINO_TEXT("TrainingSetting", "Device"), DINO_TEXT("TrainingSetting", "Where the model runs: auto (the first GPU, else the CPU), cpu, cuda or cuda:N.")));
  add(Row("precision", &C::precision, "auto", kHardware, DINO_TEXT("TrainingSetting", "Precision"),
          DINO_TEXT("TrainingSetting", "auto: bf16 autocast on CUDA while --use_fp16 is true, fp32 on the CPU; fp32; bf16; or fp16, autocast with a gradient scaler as the reference's --use_fp16."))
          .one_of({"auto", "fp32", "bf16", "fp16"}));
  add(Row("use_fp16", &C::use_fp16, true, kHardware, DINO_TEXT("TrainingSetting", "Mixed precision (--use_fp16)"), DINO_TEXT("TrainingSetting", "With --precision auto: mixed precision on CUDA."))
          .reference());
  add(Row("threads", &C::threads, 0, kHardware, DINO_TEXT("TrainingSetting", "CPU threads (0: all cores)"), DINO_TEXT("TrainingSetting", "Threads for the model's CPU kernels; 0 uses all cores."))
          .at_least(0).at_most(1024));
  add(Row("cpu_matmul", &C::cpu_matmul, "auto", kHardware, DINO_TEXT("TrainingSetting", "CPU matrix products"),
          DINO_TEXT("TrainingSetting", "Who computes the linear layers in fp32 on the CPU. auto: oneDNN where LibTorch runs fp32 through it and the CPU is not Intel's, else ATen's BLAS (MKL); aten; onednn. dino bench step compares them on your CPU."))
          .one_of({"auto", "aten", "onednn"}));
  add(Row("nproc_per_node", &C::nproc_per_node, 1, kHardware, DINO_TEXT("TrainingSetting", "Processes on this machine"),
          DINO_TEXT("TrainingSetting", "Processes the desktop app starts for one run, as torchrun --nproc_per_node: one per GPU (each takes its own), or CPU processes that share the cores. dino train is one process: start several with torchrun --nproc_per_node N --no-python dino train, or with srun."))
          .at_least(1)
          .at_most(1024));
  add(Row("dist_url", &C::dist_url, "env://", kHardware, DINO_TEXT("TrainingSetting", "Rendezvous of several processes"),
          DINO_TEXT("TrainingSetting", "How the processes of a distributed run meet: env:// reads the variables torchrun or Slurm set (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT; SLURM_PROCID, SLURM_NTASKS); tcp://host:port names rank 0's machine. Without those variables the run is one process."))
          .reference()
          .command_line_only());  // the app trains in its own process
  add(Row("local_rank", &C::local_rank, 0, kHardware, DINO_TEXT("TrainingSetting", "Local rank (ignored)"),
          DINO_TEXT("TrainingSetting", "Accepted for the reference's launch commands and ignored, as the reference does: the GPU of each process follows LOCAL_RANK or SLURM_LOCALID."))
          .reference()
          .at_least(0)
          .also_spelled({"--local-rank"})  // torch.distributed.launch since PyTorch 2.0
          .command_line_only());
  add(Row("dist_timeout", &C::dist_timeout, 1800, kHardware, DINO_TEXT("TrainingSetting", "Wait for other processes (s)"),
          DINO_TEXT("TrainingSetting", "Seconds a process of a distributed run waits for the others, at the start and at every exchange, before it stops and names the ranks that did not answer."))
          .at_least(1)
          .at_most(604800)
          .command_line_only());
  // Output
  add(Row("output_dir", &C::output_dir, ".", kOutput, DINO_TEXT("TrainingSetting", "Output folder"),
          DINO_TEXT("TrainingSetting", "Checkpoints, config.json, metrics.jsonl, log.txt and train.log. A folder with a checkpoint.pth resumes from it."))
          .reference().path());
  add(Row("saveckp_freq", &C::saveckp_freq, 20, kOutput, DINO_TEXT("TrainingSetting", "Keep a checkpoint every N epochs"), DINO_TEXT("TrainingSetting", "A numbered checkpointNNNN.pth every N epochs; 0 never."))
          .reference().at_least(0).at_most(100000));
  add(Row("checkpoint_every_steps", &C::checkpoint_every_steps, 0, kOutput, DINO_TEXT("TrainingSetting", "Also checkpoint every N steps"), DINO_TEXT("TrainingSetting", "Also write checkpoint.pth every N iterations; 0: at the end of each epoch only."))
          .at_least(0));
  add(Row("print_freq", &C::print_freq, 10, kOutput, DINO_TEXT("TrainingSetting", "Progress line every N steps"), DINO_TEXT("TrainingSetting", "The command line prints a progress line every N iterations."))
          .at_least(1).command_line_only());
  add(Row("eval_knn", &C::eval_knn, true, kOutput, DINO_TEXT("TrainingSetting", "k-NN evaluation"), DINO_TEXT("TrainingSetting", "Weighted 20-NN top-1 accuracy of the teacher on a labelled set, before training and after the last epoch.")));
  add(Row("knn_freq", &C::knn_freq, 0, kOutput, DINO_TEXT("TrainingSetting", "k-NN every N epochs"), DINO_TEXT("TrainingSetting", "Also evaluate every N epochs; 0: at the start and the end only."))
          .at_least(0).at_most(100000));
  add(Row("knn_data_path", &C::knn_data_path, "", kOutput, DINO_TEXT("TrainingSetting", "k-NN data"),
          DINO_TEXT("TrainingSetting", "Labelled data for k-NN: train/ and val/ class folders or MNIST layout; empty uses --data_path when it has them."))
          .path());
  add(Row("knn_train_images", &C::knn_train_images, 10000, kOutput, DINO_TEXT("TrainingSetting", "k-NN bank size"), DINO_TEXT("TrainingSetting", "Training images in the k-NN bank; at least 20 (k)."))
          .at_least(20));
  add(Row("knn_test_images", &C::knn_test_images, 10000, kOutput, DINO_TEXT("TrainingSetting", "k-NN test images"), DINO_TEXT("TrainingSetting", "Test images evaluated."))
          .at_least(1));
  // clang-format on
  return t;
}

// As JSON writes it (1.0, 0.0005): what config.json and a command line show.
std::string number_text(double v) { return nlohmann::json(v).dump(); }

// For prose: 1, 0.4, 20.
std::string short_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string list_in_words(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  return out;
}

bool within(const SettingDescription& d, double v) {
  if (!std::isfinite(v)) return false;
  if (d.minimum && (d.minimum->open ? v <= d.minimum->value : v < d.minimum->value)) return false;
  if (d.maximum && (d.maximum->open ? v >= d.maximum->value : v > d.maximum->value)) return false;
  return true;
}

}  // namespace

SettingValue SettingDescription::get(const TrainingConfig& config) const {
  return std::visit([&](auto member) -> SettingValue { return config.*member; }, field);
}

void SettingDescription::set(TrainingConfig& config, const SettingValue& value) const {
  std::visit(
      [&](auto member) {
        using T = std::decay_t<decltype(config.*member)>;
        if (const T* v = std::get_if<T>(&value)) {
          config.*member = *v;
        } else if constexpr (std::is_same_v<T, double>) {
          if (const int64_t* i = std::get_if<int64_t>(&value)) return void(config.*member = static_cast<double>(*i));
          throw ConfigError("key '" + key + "' takes a number");
        } else {
          throw ConfigError("key '" + key + "' has the wrong type for its setting (" + setting_text(value) + ")");
        }
      },
      field);
}

std::string SettingDescription::accepted() const {
  if (kind == Kind::choice) return list_in_words(choices);
  if (minimum && maximum)
    return "in " + std::string(minimum->open ? "(" : "[") + short_number(minimum->value) + ", " +
           short_number(maximum->value) + (maximum->open ? ")" : "]");
  if (minimum) {
    if (!minimum->open && minimum->value == 0) return "not negative";
    if ((minimum->open && minimum->value == 0) || (kind == Kind::integer && !minimum->open && minimum->value == 1))
      return "positive";
    return (minimum->open ? "above " : "at least ") + short_number(minimum->value);
  }
  if (maximum) return (maximum->open ? "below " : "at most ") + short_number(maximum->value);
  return {};
}

std::string SettingDescription::problem(const TrainingConfig& config) const {
  const SettingValue value = get(config);
  if (kind == Kind::choice) {
    const auto& text = std::get<std::string>(value);
    const bool known = std::find(choices.begin(), choices.end(), text) != choices.end() ||
                       std::find(aliases.begin(), aliases.end(), text) != aliases.end();
    return known ? std::string() : flag() + " " + text + ": use " + accepted();
  }
  const std::string range = accepted();
  if (kind == Kind::real_pair) {
    const auto& pair = std::get<std::vector<double>>(value);
    if (pair.size() != 2 || !within(*this, pair[0]) || !within(*this, pair[1]) || pair[0] > pair[1])
      return flag() + " takes two values min max, with min <= max, each " + range + " (got " + setting_text(value) +
             ")";
    return {};
  }
  double number = 0;
  if (const auto* i = std::get_if<int64_t>(&value))
    number = static_cast<double>(*i);
  else if (const auto* r = std::get_if<double>(&value))
    number = *r;
  else
    return {};
  if (within(*this, number)) return {};
  const std::string got = " (got " + (std::isfinite(number) ? setting_text(value) : short_number(number)) + ")";
  if (range.empty()) return flag() + " must be a finite number" + got;
  if (range == "not negative") return flag() + " must not be negative" + got;
  return flag() + " must be " + range + got;
}

const std::vector<SettingDescription>& training_settings() {
  static const std::vector<SettingDescription> table = make_table();
  return table;
}

const SettingDescription* find_training_setting(std::string_view key) {
  for (const auto& d : training_settings())
    if (d.key == key) return &d;
  return nullptr;
}

std::vector<const char*> training_setting_groups() {
  return {kData, kModel, kOptimisation, kDino, kMultiCrop, kSchedule, kHardware, kOutput};
}

std::string setting_text(const SettingValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::vector<double>>) {
          std::string out;
          for (double x : v) {
            if (!out.empty()) out += ' ';
            out += number_text(x);
          }
          return out;
        } else {
          return nlohmann::json(v).dump();
        }
      },
      value);
}

std::string training_command_line(const TrainingConfig& config) {
  // Several processes are the launcher's to start, as on a server: torchrun's static rendezvous on
  // this machine is what the app's own launch does (docs/distributed.md).
  std::string line = config.nproc_per_node > 1 ? "torchrun --nproc_per_node " + std::to_string(config.nproc_per_node) +
                                                     " --no-python dino train"
                                               : std::string("dino train");
  for (const auto& d : training_settings()) {
    const SettingValue value = d.get(config);
    if (value == d.default_value || d.key == "nproc_per_node") continue;
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on " " + std::string here.
    line += ' ';
    line += d.flag();
    line += ' ';
    line +=
        std::holds_alternative<std::vector<double>>(value) ? setting_text(value) : log::shell_word(setting_text(value));
  }
  return line;
}

std::string training_settings_markdown() {
  std::ostringstream md;
  md << "# Training settings\n\n"
        "Every setting of `dino train`, which the app's configuration panel also shows. Each is a flag\n"
        "(`--key value`; booleans take true/false, on/off or 1/0) and a key of `config.json`. Settings\n"
        "marked main_dino.py have the reference's flag name and default (except `--data_path`, whose\n"
        "default here is the built-in Fashion-MNIST demo).\n\n"
        "Generated by `dino settings --markdown` from the table in core/src/session/training_settings.cpp;\n"
        "a test keeps this file current.\n";
  for (const char* group : training_setting_groups()) {
    md << "\n## " << group << "\n\n| Flag | Default | Accepts | From | Meaning |\n|---|---|---|---|---|\n";
    for (const auto& d : training_settings()) {
      if (std::string_view(d.group) != group) continue;
      std::string accepts = d.accepted();
      if (accepts.empty()) {
        accepts = d.kind == Kind::flag        ? "true or false"
                  : d.kind == Kind::path      ? "a path"
                  : d.kind == Kind::real_pair ? "two numbers"
                  : d.kind == Kind::text      ? "text"
                                              : "a number";
      } else if (d.kind == Kind::real_pair) {
        accepts = "two numbers, each " + accepts;
      }
      const std::string shown = setting_text(d.default_value);
      md << "| `" << d.flag() << "` | " << (shown.empty() ? "(empty)" : "`" + shown + "`") << " | " << accepts << " | "
         << (d.from_reference ? "main_dino.py" : "ours") << " | " << d.help << " |\n";
    }
  }
  return md.str();
}

}  // namespace dino
