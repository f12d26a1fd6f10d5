// `dino info`: what a weights file or checkpoint holds and which ViT it fits; with --devices, what
// this machine can train on (for people, and with --json for the desktop app driving a server).
#include "cli_support.h"
#include "commands.h"

#include <dino/api/build_info.h>
#include <dino/system/device_info.h>

#include <dino/io/state_dict.h>
#include <dino/log/human_readable.h>
#include <dino/model/vision_transformer.h>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>

namespace dino::cli {
namespace {

struct InfoOptions {
  std::string pretrained_weights;
  std::string checkpoint_key = "teacher";
  bool devices = false;
  bool json = false;
};

// The program's version, LibTorch's, and every device with what --device calls it.
void run_devices(bool json) {
  const LibTorchInfo torch = libtorch_info();
  const auto devices = device_infos();
  if (!json) {
    std::cout << "dino (DINO Studio " << DINO_VERSION << "), LibTorch " << torch.version << ", " << torch.cuda << '\n';
    for (const auto& d : devices) {
      const std::string text = device_description(d);
      // device_description names CUDA devices itself; the CPU's line gets its --device name here.
      std::cout << (text.rfind(d.name + ":", 0) == 0 ? text : d.name + ": " + text) << '\n';
    }
    return;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : devices) {
    nlohmann::ordered_json entry{{"name", d.name}, {"model", d.model}, {"memory_bytes", d.memory_bytes}};
    if (d.name == "cpu")
      entry["cores"] = d.cores;
    else
      entry["compute_capability"] = std::to_string(d.compute_major) + "." + std::to_string(d.compute_minor);
    entry["bf16_hardware"] = d.bf16_hardware;
    list.push_back(entry);
  }
  const nlohmann::ordered_json out{
      {"dino_version", DINO_VERSION}, {"libtorch", torch.version}, {"cuda", torch.cuda}, {"devices", list}};
  std::cout << out.dump(2) << '\n';
}

void run_info(const InfoOptions& options) {
  if (options.devices) return run_devices(options.json);
  if (options.json) throw UsageError("--json goes with --devices");
  if (options.pretrained_weights.empty())
    throw UsageError("--pretrained_weights is required (or --devices for this machine's devices)");
  const std::filesystem::path file(options.pretrained_weights);
  const auto weights = io::load_pretrained_weights(file, options.checkpoint_key);
  std::ostream& out = std::cout;
  out << "file: " << file.string() << " (" << log::thousands(static_cast<int64_t>(std::filesystem::file_size(file)))
      << " bytes)\n";
  out << "layout: "
      << (weights.is_training_checkpoint   ? "training checkpoint"
          : weights.checkpoint_key.empty() ? "state dict"
                                           : "checkpoint")
      << '\n';
  const io::PyDict* top = weights.contents.attributes();
  if (weights.is_training_checkpoint || !weights.checkpoint_key.empty()) {
    out << "entries:\n";
    for (const auto& [key, value] : top->items) {
      const std::string name = key.is_string() ? key.as_string() : key.summary(30);
      out << "  " << name << ": ";
      if (value.is_dict() && name != "args") {
        size_t tensors = 0;
        for (const auto& item : value.as_dict().items) tensors += item.second.is_tensor() ? 1 : 0;
        out << "dict of " << value.as_dict().items.size() << " entries (" << tensors << " tensors)\n";
      } else {
        out << value.summary(400) << '\n';
      }
    }
  }
  out << "weights: " << (weights.checkpoint_key.empty() ? "the whole file" : "['" + weights.checkpoint_key + "']")
      << ", " << weights.state_dict.size() << " tensors after removing 'module.' and 'backbone.'\n";

  const VitConfig config = io::infer_vit_config(weights, file.string());
  out << "inferred: arch " << vit_arch_name(config) << ", patch_size " << config.patch_size << ", embed_dim "
      << config.embed_dim << ", depth " << config.depth << ", num_heads " << config.num_heads << ", "
      << "img_size " << config.img_size << ", mlp_ratio " << config.mlp_ratio << '\n';
  out << "backbone parameters: " << log::thousands(vit_parameter_count(config)) << '\n';

  VisionTransformer model(config);
  auto report = io::load_state_dict(*model, weights.state_dict, /*strict=*/false, file.string());
  report.set_aside_head();
  out << "load into " << vit_arch_name(config) << "/" << config.patch_size << ": " << report.loaded.size()
      << " loaded, " << report.missing.size() << " missing, " << report.unexpected.size() << " unexpected\n";
  if (!report.head_left_out.empty())
    out << "the DINO head's " << report.head_left_out.size()
        << " tensors (head.*) left out, as expected: a backbone does not use them\n";
  for (const auto& key : report.missing) out << "  missing: " << key << '\n';
  size_t shown = 0;
  for (const auto& key : report.unexpected) {
    if (shown++ == 12) {
      out << "  ... and " << report.unexpected.size() - 12 << " more unexpected\n";
      break;
    }
    out << "  unexpected: " << key << '\n';
  }
}

}  // namespace

void add_info_command(CLI::App& app) {
  auto options = std::make_shared<InfoOptions>();
  auto* cmd = app.add_subcommand(
      "info",
      "Show what a DINO weights file or checkpoint holds and the ViT it fits, or (--devices) this machine's devices");
  cmd->add_option("--pretrained_weights", options->pretrained_weights, "Weights file or training checkpoint (.pth)");
  cmd->add_flag("--devices", options->devices, "List the devices --device can name (CPU and each CUDA GPU) instead");
  cmd->add_flag("--json", options->json, "With --devices: as JSON, with the program's and LibTorch's versions");
  cmd->add_option("--checkpoint_key", options->checkpoint_key,
                  "Sub-dict to take from a checkpoint (as the reference: teacher or student)")
      ->capture_default_str();
  cmd->callback([options] { run_info(*options); });
}

}  // namespace dino::cli
