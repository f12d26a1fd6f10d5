#include "dino/session/run_options.h"

#include "dino/system/device.h"
#include "dino/data/open_data.h"
#include "dino/model/matmul.h"
#include "dino/session/training_settings.h"

#include <algorithm>

namespace dino {

c10::Device resolve_device(const TrainingConfig& c) {
  c10::Device resolved = c10::kCPU;
  try {
    resolved = parse_device(c.device);
  } catch (const std::invalid_argument& e) {
    throw ConfigError(e.what());
  }
  const DeviceInfo info = device_info(resolved);
  if (c.precision == "bf16" && !supports_bf16(info))
    throw ConfigError("--precision bf16: " + device_description(info) +
                      " has no bf16; use fp16 (autocast with a gradient scaler, as the reference) or fp32");
  CpuMatmul matmul = CpuMatmul::automatic;
  try {
    matmul = parse_cpu_matmul(c.cpu_matmul);
  } catch (const std::invalid_argument& e) {
    throw ConfigError("--cpu_matmul " + c.cpu_matmul + ": " + e.what());
  }
  if (matmul == CpuMatmul::onednn && !onednn_matmul_available())
    throw ConfigError("--cpu_matmul onednn: " + onednn_matmul_unavailable_reason() + "; use auto or aten");
  return resolved;
}

std::optional<c10::ScalarType> autocast_dtype(const TrainingConfig& c, const DeviceInfo& device) {
  if (c.precision == "bf16") return c10::ScalarType::BFloat16;
  if (c.precision == "fp16") return c10::ScalarType::Half;
  if (c.precision == "auto" && device.name != "cpu" && c.use_fp16)
    return supports_bf16(device) ? c10::ScalarType::BFloat16 : c10::ScalarType::Half;
  return std::nullopt;
}

MultiCropOptions multi_crop_options(const TrainingConfig& c) {
  MultiCropOptions crops;
  crops.global_crops_size = static_cast<int>(c.global_crops_size);
  crops.local_crops_size = static_cast<int>(c.local_crops_size);
  crops.global_crops_scale = {c.global_crops_scale.at(0), c.global_crops_scale.at(1)};
  crops.local_crops_scale = {c.local_crops_scale.at(0), c.local_crops_scale.at(1)};
  crops.local_crops_number = static_cast<int>(c.local_crops_number);
  return crops;
}

std::shared_ptr<const ImageSource> open_training_images(const TrainingConfig& c) {
  return open_image_source(c.data_path, c.limit_images, /*spread=*/!c.time_budget.empty());
}

LoaderOptions loader_options(const TrainingConfig& c, const distributed::ProcessGroup* group) {
  LoaderOptions loading;
  loading.batch_size = c.batch_size_per_gpu;
  loading.num_workers = static_cast<int>(std::max<int64_t>(1, c.num_workers));
  loading.seed = static_cast<uint64_t>(c.seed);
  if (group) {
    loading.rank = group->rank();
    loading.world_size = group->world_size();
  }
  return loading;
}

TrainerOptions trainer_options(const TrainingConfig& c, int64_t iterations, c10::Device device,
                               std::shared_ptr<distributed::ProcessGroup> group) {
  TrainerOptions o;
  o.vit = c.vit();
  o.drop_path_rate = c.drop_path_rate;
  o.head.out_dim = c.out_dim;
  o.head.hidden_dim = c.head_hidden_dim;
  o.head.bottleneck_dim = c.head_bottleneck_dim;
  o.head.nlayers = c.head_layers;
  o.head.use_bn = c.use_bn_in_head;
  o.norm_last_layer = c.norm_last_layer;
  o.loss.ncrops = 2 + c.local_crops_number;
  o.loss.warmup_teacher_temp = c.warmup_teacher_temp;
  o.loss.teacher_temp = c.teacher_temp;
  o.loss.warmup_teacher_temp_epochs = c.warmup_teacher_temp_epochs;
  o.optimizer = c.optimizer;
  o.lr = c.lr;
  o.min_lr = c.min_lr;
  o.warmup_epochs = c.warmup_epochs;
  o.weight_decay = c.weight_decay;
  o.weight_decay_end = c.weight_decay_end;
  o.momentum_teacher = c.momentum_teacher;
  o.clip_grad = c.clip_grad;
  o.freeze_last_layer = c.freeze_last_layer;
  o.epochs = c.epochs;
  o.iterations_per_epoch = iterations;
  o.total_batch_size = c.batch_size_per_gpu * (group ? group->world_size() : 1);  // reference.md §3.9
  o.process_group = std::move(group);
  o.device = device;
  o.autocast_dtype = autocast_dtype(c, device_info(device));
  o.use_grad_scaler = o.autocast_dtype == c10::ScalarType::Half;
  return o;
}

io::PyValue checkpoint_args(const TrainingConfig& c) {
  // In TrainingConfig's order: main_dino.py's arguments as vars(args) lists them, then ours.
  std::vector<std::pair<std::ptrdiff_t, const SettingDescription*>> settings;
  for (const auto& d : training_settings()) {
    const auto* field = std::visit([&](auto member) { return reinterpret_cast<const char*>(&(c.*member)); }, d.field);
    settings.emplace_back(field - reinterpret_cast<const char*>(&c), &d);
  }
  std::sort(settings.begin(), settings.end());
  auto dict = io::PyValue::dict();
  for (const auto& [offset, d] : settings) {
    io::PyValue v = std::visit(
        [](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, bool>) {
            return io::PyValue::boolean(value);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            return io::PyValue::integer(value);
          } else if constexpr (std::is_same_v<T, double>) {
            return io::PyValue::floating(value);
          } else if constexpr (std::is_same_v<T, std::string>) {
            return io::PyValue::string(value);
          } else {
            std::vector<io::PyValue> items;
            for (double x : value) items.push_back(io::PyValue::floating(x));
            return io::PyValue::list(std::move(items));
          }
        },
        d->get(c));
    dict.as_dict().set(io::PyValue::string(d->key), std::move(v));
  }
  return dict;
}

}  // namespace dino
