// `dino attention`: visualize_attention.py with its flags and files (reference.md §4.1), plus the mean of
// the heads, any layer, attention rollout, raw maps as .npy, folders of images, and a figure.json
// beside each image's files saying how they were made.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/image_files.h>
#include <dino/log/log.h>
#include <dino/viz/attention_images.h>
#include <dino/api/attention_model.h>
#include <dino/viz/attention_maps.h>
#include <dino/viz/figure_provenance.h>

#include <torch/torch.h>

#include <charconv>
#include <chrono>
#include <iostream>
#include <optional>

namespace dino::cli {
namespace {

struct AttentionOptions {
  WeightsFlags weights;
  bool random_weights = false;
  std::vector<std::string> image_paths;
  std::vector<int> image_size{480, 480};
  std::string output_dir = ".";
  std::optional<double> threshold;
  int64_t layer = -1;
  bool rollout = false;
  bool save_raw = false;
  std::string color_map = "viridis";
  std::string device = "auto";
};

// Python's repr of a float, as the reference's f"mask_th{threshold}" writes it (0.6 -> "0.6").
std::string python_float(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, end);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::shared_ptr<AttentionModel> load_model(const AttentionOptions& o) {
  const WeightsFlags& w = o.weights;
  if (!w.arch.empty() && !vit_preset(w.arch, 8)) throw UsageError("--arch " + w.arch + ": not one of vit_tiny, vit_small, vit_base");
  auto model = o.random_weights
                   ? AttentionModel::random(w.arch.empty() ? "vit_small" : w.arch, w.patch_size ? static_cast<int>(w.patch_size) : 8)
                   : AttentionModel::from_weights(w.pretrained_weights, w.checkpoint_key, w.arch, static_cast<int>(w.patch_size));
  try {
    model->set_device(o.device);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  return model;
}

std::vector<std::filesystem::path> expand_images(const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> images;
  for (const auto& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      const auto found = image_files_in(path);
      if (found.empty()) throw std::runtime_error(path + ": no images in this folder");
      images.insert(images.end(), found.begin(), found.end());
    } else {
      images.emplace_back(path);
    }
  }
  return images;
}

AttentionRequest attention_request(const AttentionOptions& o) {
  AttentionRequest request;
  request.image_size = o.image_size;
  request.layer = static_cast<int>(o.layer);
  request.threshold = o.threshold.value_or(0.0);
  request.rollout = o.rollout;
  request.color_map = o.color_map;
  return request;
}

// What every image's figure.json shares: the model and the settings.
FigureProvenance common_provenance(const AttentionModel& model, const AttentionOptions& o, const AttentionRequest& request) {
  FigureProvenance f;
  if (!o.random_weights) {
    f.weights = std::filesystem::absolute(o.weights.pretrained_weights).string();
    f.weights_sha256 = sha256_of_file(o.weights.pretrained_weights);
    f.checkpoint_key = o.weights.checkpoint_key;
  }
  f.model = model.description();
  f.arch = model.arch();
  describe_request(f, request);
  f.app_version = DINO_VERSION;
  return f;
}

void visualize(const std::filesystem::path& image_path, const std::filesystem::path& out, const AttentionModel& model,
               const AttentionOptions& o, const AttentionRequest& request, FigureProvenance figure) {
  const AttentionView view = model.compute(image_path.string(), request);
  if (!view.note.empty()) log::info(image_path.string() + ": " + view.note);
  std::filesystem::create_directories(out);
  auto png = [&](const std::string& name, const RgbImage& picture) {
    write_png(out / name, to_mat(picture));
    figure.files.push_back(name);
  };
  png("img.png", view.reference_input);
  for (int j = 0; j < view.heads; ++j) png("attn-head" + std::to_string(j) + ".png", view.head_pictures[static_cast<size_t>(j)]);
  png("attn-mean.png", view.mean_picture);
  for (size_t j = 0; j < view.mask_pictures.size(); ++j)
    png("mask_th" + python_float(*o.threshold) + "_head" + std::to_string(j) + ".png", view.mask_pictures[j]);
  if (o.rollout) png("attn-rollout.png", view.rollout_picture);
  if (o.save_raw) {
    write_view_npy(view, (out / "attention.npy").string(), (out / "masks.npy").string(), (out / "rollout.npy").string());
    figure.files.emplace_back("attention.npy");
    if (!view.masks.empty()) figure.files.emplace_back("masks.npy");
    if (!view.rollout.empty()) figure.files.emplace_back("rollout.npy");
  }
  figure.image = std::filesystem::absolute(image_path).string();
  describe_view(figure, view);
  write_figure_sidecar(figure, out / "figure.json");
  log::info(image_path.string() + ": " + std::to_string(view.heads) + " heads of layer " + std::to_string(view.layer) +
            " on a " + std::to_string(view.grid_h) + "x" + std::to_string(view.grid_w) + " grid, written to " + out.string());
}

void run_attention(const AttentionOptions& o) {
  if (o.weights.pretrained_weights.empty() && !o.random_weights)
    throw UsageError("--pretrained_weights is required (this tool downloads nothing); --random_weights shows an untrained ViT");
  if (o.image_paths.empty()) throw UsageError("--image_path is required (an image or a folder of images)");
  if (o.image_size.size() > 2) throw UsageError("--image_size takes one value (shorter side) or two (H W)");
  for (int s : o.image_size)
    if (s <= 0) throw UsageError("--image_size must be positive, got " + std::to_string(s));
  if (o.threshold && !(*o.threshold > 0 && *o.threshold <= 1)) throw UsageError("--threshold must lie in (0, 1]");
  try {
    (void)parse_color_map(o.color_map);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--color_map: ") + e.what());
  }
  const auto model = load_model(o);
  log::info(model->description());
  const int64_t depth = model->depth();
  if (o.layer < -depth || o.layer >= depth)
    throw UsageError("--layer " + std::to_string(o.layer) + ": the model has " + std::to_string(depth) +
                     " blocks (0.." + std::to_string(depth - 1) + ", or -1 for the last)");
  const auto images = expand_images(o.image_paths);
  const AttentionRequest request = attention_request(o);
  const FigureProvenance figure = common_provenance(*model, o, request);
  const std::filesystem::path output_dir(o.output_dir);
  // One image: the reference's layout, files straight in --output_dir. Several: a folder each, named
  // as the app names them (a.png and a.jpg apart).
  const auto folders = figure_folder_names(images);
  int failures = 0;
  for (size_t i = 0; i < images.size(); ++i) {
    const auto& image = images[i];
    const auto out = images.size() == 1 ? output_dir : output_dir / folders[i];
    try {
      visualize(image, out, *model, o, request, figure);
    } catch (const std::runtime_error& e) {
      if (images.size() == 1) throw;
      log::warn(std::string(e.what()) + "; skipped");
      ++failures;
    }
  }
  if (failures) log::warn(std::to_string(failures) + " of " + std::to_string(images.size()) + " images could not be read");
}

struct AttentionBenchArgs {
  std::string arch = "vit_small";
  int64_t patch_size = 16;
  int image_size = 480;
  int64_t layer = -1;
  int64_t runs = 5;
  std::string device = "auto";
};

void run_attention_bench(const AttentionBenchArgs& a) {
  if (a.runs <= 0 || a.image_size <= 0) throw UsageError("--runs and --image_size must be positive");
  auto preset = vit_preset(a.arch, a.patch_size);
  if (!preset) throw UsageError("--arch " + a.arch + ": not one of vit_tiny, vit_small, vit_base");
  const c10::Device device = resolve_device(a.device);
  VisionTransformer model(*preset);
  model->eval();
  model->to(device);
  torch::NoGradGuard no_grad;
  const auto image = torch::randn({1, 3, a.image_size, a.image_size}).to(device);
  auto time_it = [&](const std::function<void()>& work) {
    work();  // warm-up
    const auto start = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < a.runs; ++i) work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / static_cast<double>(a.runs);
  };
  const int64_t grid = a.image_size / a.patch_size;
  const double map_seconds = time_it([&] { (void)query_attention(model->get_selfattention(image, a.layer).cpu(), 0, grid, grid); });
  const double rollout_seconds = time_it([&] { (void)attention_rollout(model->get_all_selfattentions(image)); });
  std::cout << "attention: " << a.arch << "/" << a.patch_size << " at " << a.image_size << "x" << a.image_size << " ("
            << grid * grid << " patches) on " << device.str() << ", " << at::get_num_threads() << " threads\n"
            << "  maps of layer " << a.layer << ": " << static_cast<int>(map_seconds * 1000) << " ms per image\n"
            << "  rollout over all layers: " << static_cast<int>(rollout_seconds * 1000) << " ms per image\n";
}

}  // namespace

void add_attention_command(CLI::App& app) {
  auto o = std::make_shared<AttentionOptions>();
  auto* cmd = app.add_subcommand("attention", "Attention maps of every head (flags as visualize_attention.py)");
  add_weights_flags(*cmd, o->weights);
  cmd->add_flag("--random_weights", o->random_weights, "An untrained ViT (--arch, --patch_size; default vit_small/8)");
  cmd->add_option("--image_path", o->image_paths, "Images or folders of images")->expected(1, -1);
  cmd->add_option("--image_size", o->image_size, "Resize (Pillow bilinear): H W, or one value for the shorter side")
      ->expected(1, 2)
      ->capture_default_str();
  cmd->add_option("--output_dir", o->output_dir, "Where the images go")->capture_default_str();
  cmd->add_option("--threshold", o->threshold, "Keep the patches holding this fraction of the attention (masks)");
  cmd->add_option("--layer", o->layer, "Block whose attention is shown (-1: the last)")->capture_default_str();
  cmd->add_flag("--rollout", o->rollout, "Also attention rollout across all layers (attn-rollout.png)");
  cmd->add_flag("--save_raw", o->save_raw, "Also attention.npy (heads x h x w, float32) and, with --threshold, masks.npy");
  cmd->add_option("--color_map", o->color_map, "viridis, inferno, magma, jet or gray")->capture_default_str();
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([o] { run_attention(*o); });
}

void add_attention_bench(CLI::App& bench) {
  auto a = std::make_shared<AttentionBenchArgs>();
  auto* cmd = bench.add_subcommand("attention", "Time per image of the attention maps (random weights and image)");
  cmd->add_option("--arch", a->arch, "vit_tiny, vit_small or vit_base")->capture_default_str();
  cmd->add_option("--patch_size", a->patch_size, "Patch size")->capture_default_str();
  cmd->add_option("--image_size", a->image_size, "Square input side")->capture_default_str();
  cmd->add_option("--layer", a->layer, "Layer of the maps")->capture_default_str();
  cmd->add_option("--runs", a->runs, "Timed runs")->capture_default_str();
  cmd->add_option("--device", a->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([a] { run_attention_bench(*a); });
}

}  // namespace dino::cli
