// `dino attention`: visualize_attention.py with its flags and files (reference.md §4.1), plus the mean of
// the heads, any layer, attention rollout, raw maps as .npy, folders of images, and a figure.json
// beside each image's files saying how they were made.
#include "attention_video.h"
#include "cli_support.h"
#include "commands.h"

#include <dino/data/image_files.h>
#include <dino/log/human_readable.h>
#include <dino/log/log.h>
#include <dino/system/host_memory.h>
#include <dino/viz/attention_images.h>
#include <dino/api/attention_model.h>
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
  std::optional<std::vector<int>> image_size;  // none given: the model's (AttentionModel::default_image_size)
  std::string output_dir = ".";
  std::optional<double> threshold;
  int64_t layer = -1;
  bool rollout = false;
  bool pca = false;
  bool shared_scale = false;
  std::optional<int> query_patch;
  bool save_raw = false;
  double time_limit = 60;              // seconds per image; 0: none
  std::optional<double> memory_limit;  // GiB; none given: half the memory available
  std::string color_map = "viridis";
  bool color_map_given = false;
  std::string device = "auto";
  // --video (video_generation.py's --input_path) and its flags
  std::string video;
  std::optional<std::vector<int>> resize;
  std::optional<double> fps;
  std::string video_format = "mp4";
  bool video_only = false;
};

// An image the limits refused, as opposed to one that could not be read.
struct ImageRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
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
  if (!w.arch.empty() && !vit_preset(w.arch, 8))
    throw UsageError("--arch " + w.arch + ": not one of vit_tiny, vit_small, vit_base");
  auto model = o.random_weights ? AttentionModel::random(w.arch.empty() ? "vit_small" : w.arch,
                                                         w.patch_size ? static_cast<int>(w.patch_size) : 8)
                                : AttentionModel::from_weights(w.pretrained_weights, w.checkpoint_key, w.arch,
                                                               static_cast<int>(w.patch_size));
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

AttentionRequest attention_request(const AttentionOptions& o, const AttentionModel& model) {
  AttentionRequest request;
  request.image_size = o.image_size ? *o.image_size : model.default_image_size();
  if (request.image_size == std::vector<int>{0}) request.image_size.clear();  // --image_size 0: as it is
  request.layer = static_cast<int>(o.layer);
  request.query = o.query_patch ? 1 + *o.query_patch : 0;
  request.threshold = o.threshold.value_or(0.0);
  request.rollout = o.rollout;
  request.pca = o.pca;
  request.color_map = o.color_map;
  request.shared_scale = o.shared_scale;
  return request;
}

AttentionLimits attention_limits(const AttentionOptions& o) {
  AttentionLimits limits = default_attention_limits();
  limits.max_seconds = o.time_limit;
  if (o.memory_limit) {
    limits.max_bytes = *o.memory_limit * static_cast<double>(int64_t{1} << 30);
    limits.default_memory = false;  // the user's figure holds on a GPU too
  }
  return limits;
}

// What every image's figure.json shares: the model and the settings.
FigureProvenance common_provenance(const AttentionModel& model, const AttentionOptions& o,
                                   const AttentionRequest& request) {
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
  AttentionView view;
  try {
    view = model.compute(image_path.string(), request, attention_limits(o));
  } catch (const AttentionRefused& e) {
    std::string advice = image_path.string() + ": " + e.what() + ". ";
    if (!e.estimate().smaller_size.empty()) {
      advice += "Pass --image_size";
      for (int side : e.estimate().smaller_size) advice += " " + std::to_string(side);
      advice += ", or ";
    }
    advice += "raise --time_limit (seconds) or --memory_limit (GiB); 0 lifts a limit";
    throw ImageRefused(advice);
  }
  if (!view.note.empty()) log::info(image_path.string() + ": " + view.note);
  std::filesystem::create_directories(out);
  auto png = [&](const std::string& name, const RgbImage& picture) {
    write_png(out / name, to_mat(picture));
    figure.files.push_back(name);
  };
  png("img.png", view.reference_input);
  for (int j = 0; j < view.heads; ++j)
    png("attn-head" + std::to_string(j) + ".png", view.head_pictures[static_cast<size_t>(j)]);
  png("attn-mean.png", view.mean_picture);
  for (size_t j = 0; j < view.mask_pictures.size(); ++j)
    png("mask_th" + python_float(*o.threshold) + "_head" + std::to_string(j) + ".png", view.mask_pictures[j]);
  if (o.rollout) png("attn-rollout.png", view.rollout_picture);
  if (o.pca) png("pca.png", view.pca_picture);
  if (o.save_raw) {
    write_view_npy(view, (out / "attention.npy").string(), (out / "masks.npy").string(),
                   (out / "rollout.npy").string());
    figure.files.emplace_back("attention.npy");
    if (!view.masks.empty()) figure.files.emplace_back("masks.npy");
    if (!view.rollout.empty()) figure.files.emplace_back("rollout.npy");
  }
  figure.image = std::filesystem::absolute(image_path).string();
  describe_view(figure, view);
  write_figure_sidecar(figure, out / "figure.json");
  log::info(image_path.string() + ": " + std::to_string(view.heads) + " heads of layer " + std::to_string(view.layer) +
            " on a " + std::to_string(view.grid_h) + "x" + std::to_string(view.grid_w) + " grid, written to " +
            out.string());
}

// --threshold, --color_map and the limits, which images and videos share.
void check_flags_shared_with_video(const AttentionOptions& o) {
  if (o.time_limit < 0) throw UsageError("--time_limit must be 0 (none) or a number of seconds");
  if (o.memory_limit && *o.memory_limit < 0) throw UsageError("--memory_limit must be 0 (none) or a number of GiB");
  if (o.threshold && !(*o.threshold > 0 && *o.threshold <= 1)) throw UsageError("--threshold must lie in (0, 1]");
  try {
    (void)parse_color_map(o.color_map);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--color_map: ") + e.what());
  }
}

// video_generation.py: every frame's mean attention over the heads, as pictures and as a video.
void run_video(AttentionOptions o) {
  if (!o.image_paths.empty()) throw UsageError("--video and --image_path exclude each other");
  if (o.image_size) throw UsageError("--video resizes frames with --resize (as video_generation.py), not --image_size");
  if (o.rollout || o.pca || o.query_patch || o.save_raw || o.layer != -1 || o.shared_scale)
    throw UsageError(
        "--video draws the last layer's CLS attention: --layer, --rollout, --pca, --query_patch, "
        "--shared_scale and --save_raw are for images");
  if (o.resize)
    for (int s : *o.resize)
      if (s <= 0) throw UsageError("--resize must be positive, got " + std::to_string(s));
  if (!o.color_map_given) o.color_map = "inferno";  // the reference's colour map for videos
  check_flags_shared_with_video(o);
  VideoOptions video;
  video.input = o.video;
  video.output_dir = o.output_dir;
  video.fps = o.fps;
  video.format = o.video_format;
  video.video_only = o.video_only;
  if (o.video_only) {
    run_attention_video(video, nullptr, {}, {});
    return;
  }
  if (o.weights.pretrained_weights.empty() && !o.random_weights)
    throw UsageError(
        "--pretrained_weights is required (this tool downloads nothing); --random_weights shows an untrained ViT");
  std::error_code ec;
  if (!std::filesystem::exists(o.video, ec)) throw std::runtime_error(o.video + ": no such file or folder");
  const auto model = load_model(o);
  log::info(model->description());
  AttentionRequest request = attention_request(o, *model);
  request.image_size = o.resize.value_or(std::vector<int>{});  // none: the frames as they are
  run_attention_video(video, model.get(), request, attention_limits(o));
}

void run_attention(const AttentionOptions& o) {
  if (!o.video.empty()) return run_video(o);
  if (o.video_only) throw UsageError("--video_only needs --video FOLDER (of attn-*.jpg pictures)");
  if (o.weights.pretrained_weights.empty() && !o.random_weights)
    throw UsageError(
        "--pretrained_weights is required (this tool downloads nothing); --random_weights shows an untrained ViT");
  if (o.image_paths.empty()) throw UsageError("--image_path is required (an image or a folder of images)");
  if (o.image_size) {
    const auto& size = *o.image_size;
    if (size.size() > 2)
      throw UsageError("--image_size takes one value (shorter side, or 0 for the original size) or two (H W)");
    for (int s : size)
      if (s < 0 || (s == 0 && size.size() == 2))
        throw UsageError("--image_size must be positive (a single 0 keeps the original size), got " +
                         std::to_string(s));
  }
  if (o.query_patch && *o.query_patch < 0) throw UsageError("--query_patch must be a patch number from 0");
  check_flags_shared_with_video(o);
  const auto model = load_model(o);
  log::info(model->description());
  const int64_t depth = model->depth();
  if (o.layer < -depth || o.layer >= depth)
    throw UsageError("--layer " + std::to_string(o.layer) + ": the model has " + std::to_string(depth) +
                     " blocks (0.." + std::to_string(depth - 1) + ", or -1 for the last)");
  const auto images = expand_images(o.image_paths);
  const AttentionRequest request = attention_request(o, *model);
  const FigureProvenance figure = common_provenance(*model, o, request);
  const std::filesystem::path output_dir(o.output_dir);
  // One image: the reference's layout, files straight in --output_dir. Several: a folder each, named
  // as the app names them (a.png and a.jpg apart).
  const auto folders = figure_folder_names(images);
  int unreadable = 0, refused = 0;
  for (size_t i = 0; i < images.size(); ++i) {
    const auto& image = images[i];
    const auto out = images.size() == 1 ? output_dir : output_dir / folders[i];
    try {
      visualize(image, out, *model, o, request, figure);
    } catch (const ImageRefused& e) {
      if (images.size() == 1) throw;
      log::warn(std::string(e.what()) + "; skipped");
      ++refused;
    } catch (const std::runtime_error& e) {
      if (images.size() == 1) throw;
      log::warn(std::string(e.what()) + "; skipped");
      ++unreadable;
    }
  }
  const std::string of = " of " + std::to_string(images.size()) + " images ";
  if (unreadable) log::warn(std::to_string(unreadable) + of + "could not be drawn");
  if (refused) log::warn(std::to_string(refused) + of + "were over the limits (--time_limit, --memory_limit)");
  if (unreadable + refused == static_cast<int>(images.size()))
    throw std::runtime_error("no image of " + std::to_string(images.size()) + " could be drawn; nothing was written");
}

struct AttentionBenchArgs {
  std::string arch = "vit_small";
  int64_t patch_size = 4;
  int image_size = 480;
  int64_t runs = 3;
  std::string device = "auto";
};

// The explorer's worst case: the maps alone, then with rollout and PCA, on a random image. The
// second is estimated at the rate the first ran at before it runs, so the cost formula's constants
// are checked, not merely the rate; the peak resident memory is started over for each.
void run_attention_bench(const AttentionBenchArgs& a) {
  if (a.runs <= 0 || a.image_size <= 0) throw UsageError("--runs and --image_size must be positive");
  if (!vit_preset(a.arch, a.patch_size))
    throw UsageError("--arch " + a.arch + ": not one of vit_tiny, vit_small, vit_base");
  const auto model = AttentionModel::random(a.arch, static_cast<int>(a.patch_size));
  model->set_device(resolve_device(a.device).str());
  RgbImage image;
  image.width = image.height = a.image_size;
  image.rgb.resize(static_cast<size_t>(a.image_size) * a.image_size * 3);
  for (size_t i = 0; i < image.rgb.size(); ++i) image.rgb[i] = static_cast<unsigned char>((i * 2654435761u) >> 24);
  AttentionRequest maps;
  maps.image_size = {a.image_size, a.image_size};
  AttentionRequest everything = maps;
  everything.rollout = everything.pca = true;
  std::cout << "attention: " << a.arch << "/" << a.patch_size << " at " << a.image_size << "x" << a.image_size << " ("
            << log::thousands((a.image_size / a.patch_size) * (a.image_size / a.patch_size)) << " patches), "
            << at::get_num_threads() << " threads\n";
  (void)model->compute(image, maps);  // warm-up; from here on estimates use the rate it measured
  auto time_it = [&](const char* what, const AttentionRequest& r) {
    const AttentionEstimate e = model->estimate(image.width, image.height, r, {});
    const bool reset = reset_peak_resident_memory();
    const auto before = peak_resident_memory();  // after a reset: the resident size now
    const auto start = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < a.runs; ++i) (void)model->compute(image, r);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / static_cast<double>(a.runs);
    const auto peak = peak_resident_memory();
    std::cout << "  " << what << ": " << log::fixed(seconds, 2) << " s per image, estimated "
              << log::fixed(e.seconds, 2) << " s; working memory estimated " << log::byte_size(e.cost.bytes)
              << ", peak resident " << (peak > 0 ? log::byte_size(static_cast<double>(peak)) : std::string("unknown"))
              << (reset ? " (" + log::byte_size(static_cast<double>(before)) + " at its start)"
                        : std::string(" (since the process started)"))
              << "\n";
  };
  time_it("maps of the last layer", maps);
  time_it("with rollout and PCA", everything);
  const double tokens = 1 + static_cast<double>((a.image_size / a.patch_size) * (a.image_size / a.patch_size));
  const auto preset = *vit_preset(a.arch, a.patch_size);
  std::cout << "  every layer's whole attention, as rollout once formed it, would have held "
            << log::byte_size(static_cast<double>(preset.depth * preset.num_heads) * tokens * tokens * 4)
            << " in float32\n";
}

}  // namespace

void add_attention_command(CLI::App& app) {
  auto o = std::make_shared<AttentionOptions>();
  auto* cmd = app.add_subcommand("attention", "Attention maps of every head (flags as visualize_attention.py)");
  add_weights_flags(*cmd, o->weights);
  cmd->add_flag("--random_weights", o->random_weights, "An untrained ViT (--arch, --patch_size; default vit_small/8)");
  cmd->add_option("--image_path", o->image_paths, "Images or folders of images")->expected(1, -1);
  cmd->add_option(
         "--image_size", o->image_size,
         "Resize (Pillow bilinear): H W, one value for the shorter side, 0 for the original size; default 480 480 "
         "for patch 8 and 16 models (the reference's), the training crop size for others")
      ->expected(1, 2);
  cmd->add_option("--output_dir,--output_path", o->output_dir, "Where the images go")->capture_default_str();
  cmd->add_option("--threshold", o->threshold, "Keep the patches holding this fraction of the attention (masks)");
  cmd->add_option("--layer", o->layer, "Block whose attention is shown (-1: the last)")->capture_default_str();
  cmd->add_flag("--rollout", o->rollout, "Also attention rollout across all layers (attn-rollout.png)");
  cmd->add_flag("--pca", o->pca,
                "Also the first three principal components of the patch features as colours (pca.png)");
  cmd->add_option("--query_patch", o->query_patch,
                  "Attention from this patch (row-major, from 0) instead of the CLS token");
  cmd->add_flag("--shared_scale", o->shared_scale, "One colour scale for every head (the reference scales each alone)");
  cmd->add_option("--time_limit", o->time_limit,
                  "Refuse an image whose estimated time is over this many seconds (0: no limit)")
      ->capture_default_str();
  cmd->add_option(
      "--memory_limit", o->memory_limit,
      "Refuse an image whose estimated memory is over this many GiB (0: no limit; default: half the memory available)");
  cmd->add_flag("--save_raw", o->save_raw,
                "Also attention.npy (heads x h x w, float32) and, with --threshold, masks.npy");
  auto* color_map =
      cmd->add_option("--color_map", o->color_map, "viridis, inferno, magma, jet or gray (videos: inferno)")
          ->capture_default_str();
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option(
      "--video,--input_path", o->video,
      "A video file or a folder of frames: each frame's mean attention over the heads as attention/attn-*.jpg "
      "and as video.mp4 (video_generation.py)");
  cmd->add_option("--resize", o->resize,
                  "Video frames' size: H W, or one value for the shorter side (default: as they are)")
      ->expected(1, 2);
  cmd->add_option("--fps", o->fps, "Frames per second of the video written (default: the source's, 30 for folders)");
  cmd->add_option("--video_format", o->video_format, "mp4 (MPEG-4 part 2, FourCC mp4v) or avi (XVID)")
      ->capture_default_str();
  cmd->add_flag("--video_only", o->video_only, "Encode the attn-*.jpg pictures of the --video folder, no model");
  cmd->callback([o, color_map] {
    o->color_map_given = color_map->count() > 0;
    run_attention(*o);
  });
}

void add_attention_bench(CLI::App& bench) {
  auto a = std::make_shared<AttentionBenchArgs>();
  auto* cmd = bench.add_subcommand("attention", "Time per image of the attention maps (random weights and image)");
  cmd->add_option("--arch", a->arch, "vit_tiny, vit_small or vit_base")->capture_default_str();
  cmd->add_option("--patch_size", a->patch_size, "Patch size")->capture_default_str();
  cmd->add_option("--image_size", a->image_size, "Square input side")->capture_default_str();
  cmd->add_option("--runs", a->runs, "Timed runs")->capture_default_str();
  cmd->add_option("--device", a->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([a] { run_attention_bench(*a); });
}

}  // namespace dino::cli
