#include "dino/io/state_dict.h"

#include "dino/io/torch_file.h"

#include <torch/torch.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace dino::io {
namespace {

std::string replace_all(std::string text, const std::string& from) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.erase(at, from.size());
  return text;
}

std::string shape(const torch::Tensor& t) {
  std::ostringstream out;
  out << t.sizes();
  return out.str();
}

void list_names(std::ostringstream& out, const char* label, const std::vector<std::string>& names, size_t max) {
  if (names.empty()) return;
  out << names.size() << ' ' << label << " (";
  for (size_t i = 0; i < names.size() && i < max; ++i) out << (i ? ", " : "") << names[i];
  if (names.size() > max) out << ", ...";
  out << ") ";
}

}  // namespace

StateDict module_state_dict(const torch::nn::Module& module) {
  StateDict result;
  for (const auto& item : module.named_modules()) {
    const std::string prefix = item.key().empty() ? "" : item.key() + ".";
    for (const auto& p : item.value()->named_parameters(/*recurse=*/false)) result.insert(prefix + p.key(), p.value());
    for (const auto& b : item.value()->named_buffers(/*recurse=*/false)) result.insert(prefix + b.key(), b.value());
  }
  return result;
}

StateDict state_dict_from_py(const PyValue& dict, const std::string& where) {
  const PyDict* entries = dict.attributes();
  if (!entries) throw StateDictError(where + " is a " + PyValue::kind_name(dict.kind()) + ", not a state dict");
  StateDict result;
  for (const auto& [key, value] : entries->items) {
    if (!key.is_string()) throw StateDictError(where + " has a non-string key " + key.summary(40));
    if (!value.is_tensor()) continue;  // e.g. a stray scalar; tensors are what a state dict holds
    result.insert(key.as_string(), value.as_tensor());
  }
  return result;
}

PyValue state_dict_to_py(const StateDict& state_dict, const std::string& key_prefix) {
  auto dict = PyValue::dict(/*ordered=*/true);
  for (const auto& item : state_dict)
    dict.as_dict().items.emplace_back(PyValue::string(key_prefix + item.key()), PyValue::tensor(item.value()));
  return dict;
}

PretrainedWeights load_pretrained_weights(const std::filesystem::path& file, const std::string& checkpoint_key) {
  PretrainedWeights weights;
  weights.contents = load_torch_file(file);
  const PyDict* top = weights.contents.attributes();
  if (!top) throw StateDictError(file.string() + ": holds a " + PyValue::kind_name(weights.contents.kind()) +
                                 ", not a state dict or checkpoint");
  for (const auto& [key, value] : top->items)
    if (key.is_string()) weights.top_level_keys.push_back(key.as_string());
  weights.is_training_checkpoint = top->find("student") && top->find("teacher");
  const PyValue* source = &weights.contents;
  if (!checkpoint_key.empty()) {
    if (const PyValue* sub = top->find(checkpoint_key)) {
      source = sub;
      weights.checkpoint_key = checkpoint_key;
    } else if (weights.is_training_checkpoint) {
      throw StateDictError(file.string() + ": no key '" + checkpoint_key + "'; the checkpoint holds: " +
                           PyValue::list([&] {
                             std::vector<PyValue> names;
                             for (const auto& k : weights.top_level_keys) names.push_back(PyValue::string(k));
                             return names;
                           }()).summary(200));
    }
  }
  const std::string where = file.string() + (weights.checkpoint_key.empty() ? "" : "['" + checkpoint_key + "']");
  StateDict raw = state_dict_from_py(*source, where);
  for (const auto& item : raw) {
    const std::string key = replace_all(replace_all(item.key(), "module."), "backbone.");
    if (weights.state_dict.contains(key)) throw StateDictError(where + ": keys collide after prefix removal at '" + key + "'");
    weights.state_dict.insert(key, item.value());
  }
  if (weights.state_dict.is_empty()) throw StateDictError(where + " holds no tensors");
  return weights;
}

void LoadReport::set_aside_head() {
  std::vector<std::string> others;
  for (auto& key : unexpected) (key.rfind("head.", 0) == 0 ? head_left_out : others).push_back(std::move(key));
  unexpected = std::move(others);
}

std::string LoadReport::describe(size_t max_names) const {
  std::ostringstream out;
  out << loaded.size() << " tensors loaded; ";
  if (!head_left_out.empty()) out << "the DINO head's " << head_left_out.size() << " tensors left out, as a backbone needs; ";
  list_names(out, "missing", missing, max_names);
  list_names(out, "unexpected", unexpected, max_names);
  std::string text = out.str();
  while (!text.empty() && (text.back() == ' ' || text.back() == ';')) text.pop_back();
  return text;
}

LoadReport load_state_dict(torch::nn::Module& module, const StateDict& state_dict, bool strict, const std::string& source) {
  LoadReport report;
  StateDict targets = module_state_dict(module);
  std::vector<std::string> mismatched;
  for (const auto& item : targets) {
    const torch::Tensor* value = state_dict.find(item.key());
    if (!value) {
      report.missing.push_back(item.key());
    } else if (value->sizes() != item.value().sizes()) {
      mismatched.push_back(item.key() + ": file " + shape(*value) + " vs model " + shape(item.value()));
    }
  }
  for (const auto& item : state_dict)
    if (!targets.contains(item.key())) report.unexpected.push_back(item.key());
  if (!mismatched.empty()) {
    std::ostringstream out;
    out << source << ": " << mismatched.size() << " tensors do not fit the model: ";
    for (size_t i = 0; i < mismatched.size() && i < 8; ++i) out << (i ? "; " : "") << mismatched[i];
    if (mismatched.size() > 8) out << "; ...";
    throw StateDictError(out.str());
  }
  if (strict && (!report.missing.empty() || !report.unexpected.empty()))
    throw StateDictError(source + ": " + report.describe());
  torch::NoGradGuard no_grad;
  for (const auto& item : targets) {
    if (const torch::Tensor* value = state_dict.find(item.key())) {
      item.value().copy_(*value);
      report.loaded.push_back(item.key());
    }
  }
  return report;
}

VitConfig infer_vit_config(const StateDict& sd, const std::string& source) {
  auto require = [&](const std::string& key, int64_t dims) -> const torch::Tensor& {
    const torch::Tensor* t = sd.find(key);
    if (!t) throw StateDictError(source + ": no '" + key + "' tensor, so this is not a DINO ViT backbone");
    if (t->dim() != dims)
      throw StateDictError(source + ": '" + key + "' has shape " + shape(*t) + ", expected " + std::to_string(dims) + " dimensions");
    return *t;
  };
  const auto& patch = require("patch_embed.proj.weight", 4);
  const auto& pos = require("pos_embed", 3);
  require("cls_token", 3);
  VitConfig config;
  config.embed_dim = patch.size(0);
  config.in_chans = patch.size(1);
  config.patch_size = patch.size(2);
  if (patch.size(3) != patch.size(2)) throw StateDictError(source + ": non-square patches " + shape(patch));
  if (pos.size(2) != config.embed_dim)
    throw StateDictError(source + ": pos_embed " + shape(pos) + " does not match width " + std::to_string(config.embed_dim));
  const int64_t patches = pos.size(1) - 1;
  const auto side = static_cast<int64_t>(std::llround(std::sqrt(static_cast<double>(patches))));
  if (side * side != patches) throw StateDictError(source + ": pos_embed holds " + std::to_string(patches) + " patches, not a square grid");
  config.img_size = side * config.patch_size;
  static const std::regex block_key(R"(^blocks\.(\d+)\.)");
  int64_t depth = 0;
  for (const auto& item : sd) {
    std::smatch match;
    if (std::regex_search(item.key(), match, block_key)) depth = std::max<int64_t>(depth, std::stoll(match[1]) + 1);
  }
  if (depth == 0) throw StateDictError(source + ": no 'blocks.N.*' tensors");
  config.depth = depth;
  const auto& fc1 = require("blocks.0.mlp.fc1.weight", 2);
  config.mlp_ratio = static_cast<double>(fc1.size(0)) / static_cast<double>(config.embed_dim);
  config.qkv_bias = sd.contains("blocks.0.attn.qkv.bias");
  config.num_heads = config.embed_dim % 64 == 0 ? config.embed_dim / 64 : 1;
  return config;
}

VitConfig infer_vit_config(const PretrainedWeights& weights, const std::string& source) {
  VitConfig config = infer_vit_config(weights.state_dict, source);
  const PyDict* top = weights.contents.attributes();
  const PyValue* args_value = top ? top->find("args") : nullptr;
  const PyDict* args = args_value ? args_value->attributes() : nullptr;
  if (!args) return config;
  if (const PyValue* heads = args->find("num_heads"); heads && heads->is_int() && heads->as_int() > 0 &&
                                                    config.embed_dim % heads->as_int() == 0) {
    config.num_heads = heads->as_int();
  } else if (const PyValue* arch = args->find("arch"); arch && arch->is_string()) {
    if (auto preset = vit_preset(arch->as_string(), config.patch_size); preset && preset->embed_dim == config.embed_dim)
      config.num_heads = preset->num_heads;
  }
  return config;
}

}  // namespace dino::io
