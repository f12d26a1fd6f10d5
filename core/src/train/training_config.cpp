#include "dino/train/training_config.h"

#include "dino/model/device.h"
#include "dino/model/device_info.h"
#include "dino/model/matmul.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace dino {
namespace {

using nlohmann::json;

// One table of (key, field) pairs serves both directions, so a new setting needs one line.
template <typename Config, typename F>
void for_each_field(Config& c, F&& f) {
  f("arch", c.arch);
  f("patch_size", c.patch_size);
  f("out_dim", c.out_dim);
  f("norm_last_layer", c.norm_last_layer);
  f("momentum_teacher", c.momentum_teacher);
  f("use_bn_in_head", c.use_bn_in_head);
  f("warmup_teacher_temp", c.warmup_teacher_temp);
  f("teacher_temp", c.teacher_temp);
  f("warmup_teacher_temp_epochs", c.warmup_teacher_temp_epochs);
  f("use_fp16", c.use_fp16);
  f("weight_decay", c.weight_decay);
  f("weight_decay_end", c.weight_decay_end);
  f("clip_grad", c.clip_grad);
  f("batch_size_per_gpu", c.batch_size_per_gpu);
  f("epochs", c.epochs);
  f("freeze_last_layer", c.freeze_last_layer);
  f("lr", c.lr);
  f("warmup_epochs", c.warmup_epochs);
  f("min_lr", c.min_lr);
  f("optimizer", c.optimizer);
  f("drop_path_rate", c.drop_path_rate);
  f("global_crops_scale", c.global_crops_scale);
  f("local_crops_number", c.local_crops_number);
  f("local_crops_scale", c.local_crops_scale);
  f("data_path", c.data_path);
  f("output_dir", c.output_dir);
  f("saveckp_freq", c.saveckp_freq);
  f("seed", c.seed);
  f("num_workers", c.num_workers);
  f("device", c.device);
  f("precision", c.precision);
  f("global_crops_size", c.global_crops_size);
  f("local_crops_size", c.local_crops_size);
  f("embed_dim", c.embed_dim);
  f("depth", c.depth);
  f("num_heads", c.num_heads);
  f("head_hidden_dim", c.head_hidden_dim);
  f("head_bottleneck_dim", c.head_bottleneck_dim);
  f("head_layers", c.head_layers);
  f("limit_images", c.limit_images);
  f("print_freq", c.print_freq);
  f("checkpoint_every_steps", c.checkpoint_every_steps);
  f("eval_knn", c.eval_knn);
  f("knn_data_path", c.knn_data_path);
  f("knn_freq", c.knn_freq);
  f("knn_train_images", c.knn_train_images);
  f("knn_test_images", c.knn_test_images);
  f("threads", c.threads);
  f("cpu_matmul", c.cpu_matmul);
}

void require(bool ok, const std::string& message) {
  if (!ok) throw ConfigError(message);
}

}  // namespace

void TrainingConfig::validate() const {
  require(batch_size_per_gpu > 0, "--batch_size_per_gpu must be positive");
  require(epochs > 0, "--epochs must be positive");
  require(out_dim > 0, "--out_dim must be positive");
  require(teacher_temp > 0 && warmup_teacher_temp > 0, "--teacher_temp and --warmup_teacher_temp must be positive");
  require(warmup_teacher_temp_epochs >= 0 && warmup_teacher_temp_epochs <= epochs,
          "--warmup_teacher_temp_epochs must lie in [0, --epochs]");
  require(warmup_epochs >= 0, "--warmup_epochs must not be negative");
  require(momentum_teacher >= 0 && momentum_teacher <= 1, "--momentum_teacher must lie in [0, 1]");
  require(clip_grad >= 0, "--clip_grad must not be negative (0 disables clipping)");
  require(freeze_last_layer >= 0, "--freeze_last_layer must not be negative");
  require(lr >= 0 && min_lr >= 0, "--lr and --min_lr must not be negative");
  require(optimizer == "adamw" || optimizer == "sgd" || optimizer == "lars", "--optimizer " + optimizer + ": use adamw, sgd or lars");
  require(drop_path_rate >= 0 && drop_path_rate < 1, "--drop_path_rate must lie in [0, 1)");
  require(local_crops_number >= 0, "--local_crops_number must not be negative");
  require(global_crops_size > 0 && local_crops_size > 0, "--global_crops_size and --local_crops_size must be positive");
  for (const auto* scale : {&global_crops_scale, &local_crops_scale}) {
    const char* flag = scale == &global_crops_scale ? "--global_crops_scale" : "--local_crops_scale";
    require(scale->size() == 2 && (*scale)[0] > 0 && (*scale)[0] <= (*scale)[1] && (*scale)[1] <= 1,
            std::string(flag) + " takes two values 0 < min <= max <= 1");
  }
  require(precision == "auto" || precision == "fp32" || precision == "bf16" || precision == "fp16",
          "--precision " + precision + ": use auto, fp32, bf16 or fp16");
  CpuMatmul matmul = CpuMatmul::automatic;
  try {
    matmul = parse_cpu_matmul(cpu_matmul);  // the one list of names
  } catch (const std::invalid_argument&) {
    throw ConfigError("--cpu_matmul " + cpu_matmul + ": use auto, aten or onednn");
  }
  require(matmul != CpuMatmul::onednn || onednn_matmul_available(),
          "--cpu_matmul onednn: " + onednn_matmul_unavailable_reason() + "; use auto or aten");
  require(head_layers >= 1 && head_hidden_dim > 0 && head_bottleneck_dim > 0, "the head's sizes must be positive");
  require(print_freq > 0, "--print_freq must be positive");
  require(num_workers >= 0 && threads >= 0 && limit_images >= 0 && checkpoint_every_steps >= 0 && saveckp_freq >= 0 &&
              knn_freq >= 0,
          "--num_workers, --threads, --limit_images, --checkpoint_every_steps, --saveckp_freq and --knn_freq must not be negative");
  require(knn_train_images >= 20 && knn_test_images > 0, "--knn_train_images must be at least 20 (k) and --knn_test_images positive");
  vit();  // the model's own checks
  require(local_crops_number == 0 || local_crops_size >= patch_size,
          "--local_crops_size " + std::to_string(local_crops_size) + " is smaller than one patch");
}

VitConfig TrainingConfig::vit() const {
  auto preset = vit_preset(arch, patch_size);
  if (!preset) throw ConfigError("--arch " + arch + ": choose vit_tiny, vit_small or vit_base");
  VitConfig config = *preset;
  if (embed_dim) config.embed_dim = embed_dim;
  if (depth) config.depth = depth;
  if (num_heads) config.num_heads = num_heads;
  config.img_size = global_crops_size - global_crops_size % std::max<int64_t>(patch_size, 1);
  if (auto why = config.validate(); !why.empty()) throw ConfigError("model: " + why);
  return config;
}

c10::Device TrainingConfig::resolve_device() const {
  c10::Device resolved = c10::kCPU;
  try {
    resolved = parse_device(device);
  } catch (const std::invalid_argument& e) {
    throw ConfigError(e.what());
  }
  const DeviceInfo info = device_info(resolved);
  require(precision != "bf16" || supports_bf16(info),
          "--precision bf16: " + device_description(info) + " has no bf16; use fp16 (autocast with a gradient scaler, as the "
          "reference) or fp32");
  return resolved;
}

std::optional<c10::ScalarType> TrainingConfig::autocast_dtype(const DeviceInfo& device) const {
  if (precision == "bf16") return c10::ScalarType::BFloat16;
  if (precision == "fp16") return c10::ScalarType::Half;
  if (precision == "auto" && device.name != "cpu" && use_fp16)
    return supports_bf16(device) ? c10::ScalarType::BFloat16 : c10::ScalarType::Half;
  return std::nullopt;
}

MultiCropOptions TrainingConfig::crops() const {
  MultiCropOptions crops;
  crops.global_crops_size = static_cast<int>(global_crops_size);
  crops.local_crops_size = static_cast<int>(local_crops_size);
  crops.global_crops_scale = {global_crops_scale.at(0), global_crops_scale.at(1)};
  crops.local_crops_scale = {local_crops_scale.at(0), local_crops_scale.at(1)};
  crops.local_crops_number = static_cast<int>(local_crops_number);
  return crops;
}

LoaderOptions TrainingConfig::loader_options() const {
  LoaderOptions loading;
  loading.batch_size = batch_size_per_gpu;
  loading.num_workers = static_cast<int>(std::max<int64_t>(1, num_workers));
  loading.seed = static_cast<uint64_t>(seed);
  return loading;
}

std::string TrainingConfig::to_json() const {
  json j;
  for_each_field(*this, [&](const char* key, const auto& value) { j[key] = value; });
  return j.dump(2) + "\n";
}

io::PyValue TrainingConfig::to_py() const {
  auto dict = io::PyValue::dict();
  for_each_field(*this, [&](const char* key, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    io::PyValue v;
    if constexpr (std::is_same_v<T, bool>) {
      v = io::PyValue::boolean(value);
    } else if constexpr (std::is_same_v<T, int64_t>) {
      v = io::PyValue::integer(value);
    } else if constexpr (std::is_same_v<T, double>) {
      v = io::PyValue::floating(value);
    } else if constexpr (std::is_same_v<T, std::string>) {
      v = io::PyValue::string(value);
    } else {
      std::vector<io::PyValue> items;
      for (double x : value) items.push_back(io::PyValue::floating(x));
      v = io::PyValue::list(std::move(items));
    }
    dict.as_dict().set(io::PyValue::string(key), std::move(v));
  });
  return dict;
}

void TrainingConfig::merge_json(const std::string& text, const std::string& source) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw ConfigError(source + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) throw ConfigError(source + ": expected a JSON object of settings");
  std::set<std::string> known;
  for_each_field(*this, [&](const char* key, auto& value) {
    known.insert(key);
    if (!j.contains(key)) return;
    try {
      value = j.at(key).get<std::decay_t<decltype(value)>>();
    } catch (const json::exception&) {
      throw ConfigError(source + ": key '" + key + "' has the wrong type (" + j.at(key).dump() + ")");
    }
  });
  for (const auto& item : j.items())
    if (!known.count(item.key())) throw ConfigError(source + ": unknown key '" + item.key() + "'");
}

void TrainingConfig::merge_json_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ConfigError(file.string() + ": cannot open the configuration file");
  std::stringstream text;
  text << in.rdbuf();
  merge_json(text.str(), file.string());
}

}  // namespace dino
