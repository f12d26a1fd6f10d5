// `dino copydetect`: eval_copy_detection.py (reference.md §5.4) with its flags: Copydays queries
// against the originals and optional distractors, [CLS, GeM] features of square images, a PCA
// whitening learned on unrelated images, and each block's mAP over the first 20 results.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/file_image_source.h>
#include <dino/data/image_files.h>
#include <dino/data/pil_resample.h>
#include <dino/eval/copy_detection_features.h>
#include <dino/eval/copydays.h>
#include <dino/eval/knn.h>
#include <dino/io/atomic_file.h>
#include <dino/io/npy_writer.h>
#include <dino/log/human_readable.h>
#include <dino/log/log.h>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>

namespace dino::cli {
namespace {

struct CopyDetectOptions {
  WeightsFlags weights;
  std::string data_path;
  std::string whitening_path;
  std::string distractors_path;
  int64_t imsize = 320;
  int64_t batch_size_per_gpu = 16;
  int64_t top_k = 20;
  bool use_cuda = true;
  int num_workers = 0;
  std::string output_dir;
  std::string dump_features;
  std::string device = "auto";
};

std::vector<std::filesystem::path> images_in(const std::string& folder, const char* flag) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) throw UsageError(std::string(flag) + " " + folder + ": not a folder");
  auto files = image_files_in(folder);
  if (files.empty()) throw std::runtime_error(folder + ": no images in this folder (" + flag + ")");
  return files;
}

// Resize((imsize, imsize), bicubic) then the features, in batches, with progress in the log.
torch::Tensor features_of(VisionTransformer& backbone, const std::vector<std::filesystem::path>& files,
                          const std::string& what, const CopyDetectOptions& o, c10::Device device) {
  FileImageSource source(files, std::vector<int64_t>(files.size(), -1), {});
  const int size = static_cast<int>(o.imsize);
  return batched_features(
      backbone, source, [size](int64_t, const cv::Mat& rgb) { return pil_resize(rgb, size, size, PilFilter::Bicubic); },
      [&backbone](const torch::Tensor& images) { return copy_detection_features(backbone, images); }, device,
      o.batch_size_per_gpu, "copy detection", feature_progress(what, static_cast<int64_t>(files.size())));
}

void run_copydetect(const CopyDetectOptions& o) {
  if (o.weights.pretrained_weights.empty())
    throw UsageError("--pretrained_weights is required (this tool downloads nothing)");
  if (o.data_path.empty()) throw UsageError("--data_path is required (the Copydays folder)");
  if (o.imsize <= 0 || o.batch_size_per_gpu <= 0 || o.top_k <= 0)
    throw UsageError("--imsize, --batch_size_per_gpu and --top_k must be positive");
  if (o.num_workers > 0) at::set_num_threads(o.num_workers);
  const CopydaysLayout layout = read_copydays(o.data_path);
  std::string blocks;
  for (const auto& block : layout.blocks) blocks += (blocks.empty() ? "" : ", ") + block.name;
  log::info(o.data_path + ": blocks " + blocks +
            (layout.missing.empty() ? std::string()
                                    : " (" + std::to_string(layout.missing.size()) + " of the reference's absent)"));
  const auto distractors = o.distractors_path.empty() ? std::vector<std::filesystem::path>{}
                                                      : images_in(o.distractors_path, "--distractors_path");
  const auto whitening_images =
      o.whitening_path.empty() ? std::vector<std::filesystem::path>{} : images_in(o.whitening_path, "--whitening_path");
  auto backbone = load_backbone(o.weights);
  log::info(backbone.description);
  const c10::Device device = resolve_device(o.use_cuda ? o.device : "cpu");
  backbone.model->to(device);
  backbone.model->eval();
  if (o.imsize < backbone.config.patch_size)
    throw UsageError("--imsize " + std::to_string(o.imsize) + " is smaller than the model's patch of " +
                     std::to_string(backbone.config.patch_size) + " pixels");

  std::vector<torch::Tensor> query_parts;
  for (const auto& block : layout.blocks)
    query_parts.push_back(features_of(backbone.model, block.files, block.name, o, device));
  auto queries = torch::cat(query_parts);
  auto database = query_parts.front();  // the originals
  if (!distractors.empty())
    database = torch::cat({database, features_of(backbone.model, distractors, "the distractors", o, device)});
  if (!o.dump_features.empty()) {
    std::filesystem::create_directories(o.dump_features);
    io::write_npy(std::filesystem::path(o.dump_features) / "queries.npy", queries);
    io::write_npy(std::filesystem::path(o.dump_features) / "database.npy", database);
    log::info("features (before whitening) written to " + o.dump_features);
  }
  log::info("queries " + std::to_string(queries.size(0)) + " x " + std::to_string(queries.size(1)) + ", database " +
            std::to_string(database.size(0)) + " (" + std::to_string(distractors.size()) + " distractors)");
  if (!whitening_images.empty()) {
    const auto whitening =
        learn_whitening(features_of(backbone.model, whitening_images, "the whitening images", o, device));
    if (whitening_images.size() < static_cast<size_t>(queries.size(1)))
      log::warn("whitening learned from " + std::to_string(whitening_images.size()) + " images for " +
                std::to_string(queries.size(1)) + "-dimensional features: " + std::to_string(whitening.raised) +
                " directions have no variance and are scaled from noise (the paper used 20,000 images)");
    queries = apply_whitening(whitening, queries);
    database = apply_whitening(whitening, database);
  } else {
    log::info("no --whitening_path: features are not whitened");
  }
  namespace F = torch::nn::functional;
  queries = F::normalize(queries, F::NormalizeFuncOptions().dim(1));
  database = F::normalize(database, F::NormalizeFuncOptions().dim(1));
  const int64_t k = std::min<int64_t>(o.top_k, database.size(0));
  if (k < o.top_k)
    log::info("--top_k " + std::to_string(o.top_k) + ": the database has only " + std::to_string(k) +
              " images, so every query ranks all of them");
  const auto top = std::get<1>(torch::mm(queries, database.t()).topk(k, 1, true, true)).contiguous();

  nlohmann::ordered_json results{{"data_path", o.data_path},
                                 {"weights", o.weights.pretrained_weights},
                                 {"model", backbone.description},
                                 {"imsize", o.imsize},
                                 {"whitening_images", whitening_images.size()},
                                 {"distractors", distractors.size()},
                                 {"top_k", k}};
  nlohmann::ordered_json block_results = nlohmann::ordered_json::object();
  int64_t row = 0;
  for (const auto& block : layout.blocks) {
    double sum = 0;
    int without = 0;
    for (size_t q = 0; q < block.files.size(); ++q, ++row) {
      const torch::Tensor line = top[row];
      const int64_t* ids = line.data_ptr<int64_t>();
      if (block.positives[q].empty()) ++without;
      sum += copy_detection_ap(std::vector<int64_t>(ids, ids + k), block.positives[q]);
    }
    const double map = sum / static_cast<double>(block.files.size());
    if (without)
      log::warn(block.name + ": " + std::to_string(without) +
                " queries match no original by their first four characters; they count as AP 0");
    std::cout << "eval on " << block.name << " mAP=" << log::fixed(map, 3) << '\n';
    block_results[block.name] = {{"map", map}, {"queries", block.files.size()}};
  }
  results["blocks"] = block_results;
  if (!o.output_dir.empty()) {
    const auto file = std::filesystem::path(o.output_dir) / "copy_detection.json";
    std::filesystem::create_directories(o.output_dir);
    io::write_atomically(file, [&](std::ostream& out) { out << results.dump(2) << '\n'; });
    log::info("results written to " + file.string());
  }
}

}  // namespace

void add_copydetect_command(CLI::App& app) {
  auto o = std::make_shared<CopyDetectOptions>();
  auto* cmd = app.add_subcommand("copydetect", "Copy detection mAP on Copydays (flags as eval_copy_detection.py)");
  add_weights_flags(*cmd, o->weights);
  cmd->add_option("--data_path", o->data_path, "The Copydays folder: original/, strong/, jpegqual/Q/, crops/P/");
  cmd->add_option("--whitening_path", o->whitening_path,
                  "Images to learn the whitening from (the paper: 20,000 from YFCC100M); none: no whitening");
  cmd->add_option("--distractors_path", o->distractors_path,
                  "Images added to the database as distractors (the paper: 10,000 from YFCC100M)");
  cmd->add_option("--imsize", o->imsize, "Images resized to this square (bicubic)")->capture_default_str();
  cmd->add_option("--batch_size_per_gpu", o->batch_size_per_gpu, "Images per forward pass")->capture_default_str();
  cmd->add_option("--top_k", o->top_k, "Results per query that count (the reference's 20)")->capture_default_str();
  cmd->add_option("--use_cuda", o->use_cuda, "false runs on the CPU")->capture_default_str();
  cmd->add_option("--num_workers", o->num_workers, "CPU threads (0: all cores)")->capture_default_str();
  cmd->add_option("--output_dir", o->output_dir, "Also write copy_detection.json here");
  cmd->add_option("--dump_features", o->dump_features,
                  "Also write queries.npy (every block's, in order) and database.npy (originals, then distractors): "
                  "float32 [CLS, GeM] rows before whitening");
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([o] { run_copydetect(*o); });
}

}  // namespace dino::cli
