#include "dino/session/training_config.h"

#include "dino/session/time_budget.h"
#include "dino/session/training_settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace dino {
namespace {

using nlohmann::json;

void require(bool ok, const std::string& message) {
  if (!ok) throw ConfigError(message);
}

json to_json_value(const SettingValue& value) {
  return std::visit([](const auto& v) { return json(v); }, value);
}

// A JSON value as the setting's type; nullopt when it has another type.
std::optional<SettingValue> from_json_value(const SettingDescription& d, const json& j) {
  switch (d.kind) {
    case SettingKind::flag:
      if (j.is_boolean()) return j.get<bool>();
      break;
    case SettingKind::integer:
      if (j.is_number_integer()) return j.get<int64_t>();
      if (j.is_number_float()) {  // 4.0 is 4; 4.5 and 1e300 are not integers
        const double v = j.get<double>();
        if (std::isfinite(v) && std::trunc(v) == v && v >= -0x1p63 && v < 0x1p63) return static_cast<int64_t>(v);
      }
      break;
    case SettingKind::real:
      if (j.is_number()) return j.get<double>();
      break;
    case SettingKind::choice:
    case SettingKind::text:
    case SettingKind::path:
      if (j.is_string()) return j.get<std::string>();
      break;
    case SettingKind::real_pair:
      if (j.is_array() && std::all_of(j.begin(), j.end(), [](const json& x) { return x.is_number(); }))
        return j.get<std::vector<double>>();
      break;
  }
  return std::nullopt;
}

}  // namespace

TrainingConfig::TrainingConfig() {
  for (const auto& d : training_settings()) d.set(*this, d.default_value);
}

void TrainingConfig::validate() const {
  for (const auto& d : training_settings())
    if (auto why = d.problem(*this); !why.empty()) throw ConfigError(why);
  // Rules that tie settings together.
  require(warmup_teacher_temp_epochs <= epochs, "--warmup_teacher_temp_epochs must lie in [0, --epochs]");
  (void)parse_time_budget(time_budget);
  vit();  // the model's own checks
  require(local_crops_number == 0 || local_crops_size >= patch_size,
          "--local_crops_size " + std::to_string(local_crops_size) + " is smaller than one patch");
}

VitConfig TrainingConfig::vit() const {
  auto preset = vit_preset(arch, patch_size);
  if (!preset) throw ConfigError("--arch " + arch + ": use " + find_training_setting("arch")->accepted());
  VitConfig config = *preset;
  if (embed_dim) config.embed_dim = embed_dim;
  if (depth) config.depth = depth;
  if (num_heads) config.num_heads = num_heads;
  config.img_size = global_crops_size - global_crops_size % std::max<int64_t>(patch_size, 1);
  if (auto why = config.validate(); !why.empty()) throw ConfigError("model: " + why);
  return config;
}

std::string TrainingConfig::to_json() const {
  json j = json::object();
  for (const auto& d : training_settings()) j[d.key] = to_json_value(d.get(*this));
  return j.dump(2) + "\n";
}

void TrainingConfig::merge_json(const std::string& text, const std::string& source) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw ConfigError(source + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) throw ConfigError(source + ": expected a JSON object of settings");
  TrainingConfig merged = *this;  // all or nothing
  for (const auto& item : j.items()) {
    const SettingDescription* d = find_training_setting(item.key());
    if (!d) throw ConfigError(source + ": unknown key '" + item.key() + "'");
    const auto value = from_json_value(*d, item.value());
    if (!value) throw ConfigError(source + ": key '" + item.key() + "' has the wrong type (" + item.value().dump() + ")");
    d->set(merged, *value);
  }
  *this = std::move(merged);
}

void TrainingConfig::merge_json_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ConfigError(file.string() + ": cannot open the configuration file");
  std::stringstream text;
  text << in.rdbuf();
  merge_json(text.str(), file.string());
}

}  // namespace dino
