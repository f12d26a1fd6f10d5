// `dino retrieval`: eval_image_retrieval.py (reference.md §5.3) with its flags: mean average
// precision on the revisited Oxford or Paris layout, Medium and Hard as the reference prints them
// and Easy as the revisited benchmark adds, from frozen CLS features (one scale or three).
#include "cli_support.h"
#include "commands.h"

#include <dino/data/image_file.h>
#include <dino/eval/retrieval_features.h>
#include <dino/eval/revisited_dataset.h>
#include <dino/io/atomic_file.h>
#include <dino/io/npy_writer.h>
#include <dino/log/human_readable.h>
#include <dino/log/log.h>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace dino::cli {
namespace {

struct RetrievalOptions {
  WeightsFlags weights;
  std::string data_path;
  std::string dataset = "roxford5k";
  bool multiscale = false;
  int64_t imsize = 224;
  bool crop_queries = false;
  bool use_cuda = true;
  int num_workers = 0;
  std::string output_dir;
  std::string dump_features;
  std::string device = "auto";
};

// Every image's feature, in order, with progress in the log every ten seconds.
torch::Tensor features_of(VisionTransformer& backbone, const RevisitedDataset& data, bool queries,
                          const RetrievalOptions& o) {
  const size_t count = queries ? data.queries.size() : data.database.size();
  const std::string what = queries ? "queries" : "database images";
  std::vector<torch::Tensor> rows;
  const auto progress = feature_progress("the " + what, static_cast<int64_t>(count));
  for (size_t i = 0; i < count; ++i) {
    const auto file = queries ? data.query_image(i) : data.database_image(i);
    cv::Mat rgb = read_rgb_image(file);
    if (queries && o.crop_queries) {
      try {
        rgb = crop_query_box(rgb, data.query_boxes[i]);
      } catch (const std::invalid_argument& e) {
        throw std::runtime_error(file.string() + ": " + e.what() + " (" + data.ground_truth_file.string() + " gnd[" +
                                 std::to_string(i) + "]['bbx'])");
      }
    }
    try {
      rows.push_back(retrieval_feature(backbone, retrieval_input(rgb, static_cast<int>(o.imsize)), o.multiscale));
    } catch (const std::exception& e) {  // e.g. a panorama whose half scale is thinner than a patch
      throw std::runtime_error(file.string() + ": no feature at --imsize " + std::to_string(o.imsize) +
                               (o.multiscale ? " with --multiscale" : "") + ": " + e.what());
    }
    progress(static_cast<int64_t>(i + 1));
  }
  return torch::stack(rows);
}

// np.around(value * 100, 2) in numpy's steps (times 100, then rint of times 100, over 100: half
// to even), printed with two decimals.
std::string percent(double value) {
  const double percent = value * 100.0;
  return log::fixed(std::nearbyint(percent * 100.0) / 100.0, 2);
}

std::string percents(const std::vector<double>& values) {
  std::string text = "[";
  for (size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + percent(values[i]);
  return text + "]";
}

void run_retrieval(const RetrievalOptions& o) {
  if (o.weights.pretrained_weights.empty())
    throw UsageError("--pretrained_weights is required (this tool downloads nothing)");
  if (o.data_path.empty()) throw UsageError("--data_path is required (the folder holding " + o.dataset + "/)");
  if (o.imsize <= 0) throw UsageError("--imsize must be positive");
  if (o.num_workers > 0) at::set_num_threads(o.num_workers);
  const RevisitedDataset data = read_revisited_dataset(o.data_path, o.dataset);
  log::info(data.ground_truth_file.string() + ": " + std::to_string(data.database.size()) + " database images, " +
            std::to_string(data.queries.size()) + " queries" +
            (o.crop_queries ? ", queries cropped to their boxes" : ", whole query images (as the reference)"));
  auto backbone = load_backbone(o.weights);
  log::info(backbone.description);
  backbone.model->to(resolve_device(o.use_cuda ? o.device : "cpu"));
  backbone.model->eval();
  const auto database = features_of(backbone.model, data, false, o);
  const auto queries = features_of(backbone.model, data, true, o);
  if (!o.dump_features.empty()) {
    std::filesystem::create_directories(o.dump_features);
    io::write_npy(std::filesystem::path(o.dump_features) / "database.npy", database);
    io::write_npy(std::filesystem::path(o.dump_features) / "queries.npy", queries);
    log::info("features (before L2 normalisation) written to " + o.dump_features);
  }
  const auto ranks = rank_by_similarity(database, queries);

  const std::vector<int64_t> kappas{1, 5, 10};
  nlohmann::ordered_json results{{"dataset", o.dataset},
                                 {"weights", o.weights.pretrained_weights},
                                 {"model", backbone.description},
                                 {"imsize", o.imsize},
                                 {"multiscale", o.multiscale},
                                 {"crop_queries", o.crop_queries},
                                 {"kappas", kappas}};
  std::string maps, precisions;
  const std::pair<const char*, RevisitedProtocol> protocols[] = {
      {"E", RevisitedProtocol::Easy}, {"M", RevisitedProtocol::Medium}, {"H", RevisitedProtocol::Hard}};
  for (const auto& [letter, protocol] : protocols) {
    const auto scores = mean_average_precision(ranks, revisited_ground_truth(data.ground_truth, protocol), kappas);
    // A protocol none of whose queries has a positive has no score (not 0).
    const bool scored = std::any_of(scores.aps.begin(), scores.aps.end(), [](double ap) { return !std::isnan(ap); });
    maps += std::string(maps.empty() ? "" : ", ") + letter + ": " + (scored ? percent(scores.map) : "n/a");
    precisions += std::string(precisions.empty() ? "" : ", ") + letter + ": " +
                  (scored ? percents(scores.precision_at_k) : "n/a");
    nlohmann::ordered_json aps = nlohmann::ordered_json::array();
    for (double ap : scores.aps)
      aps.push_back(std::isnan(ap) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(ap));
    results[letter] = {
        {"map", scored ? nlohmann::ordered_json(scores.map) : nlohmann::ordered_json(nullptr)},
        {"precision_at_k", scored ? nlohmann::ordered_json(scores.precision_at_k) : nlohmann::ordered_json(nullptr)},
        {"aps", aps}};
  }
  std::cout << ">> " << o.dataset << ": mAP " << maps << '\n';
  std::cout << ">> " << o.dataset << ": mP@k[1, 5, 10] " << precisions << '\n';
  if (!o.output_dir.empty()) {
    const auto file = std::filesystem::path(o.output_dir) / "retrieval.json";
    std::filesystem::create_directories(o.output_dir);
    io::write_atomically(file, [&](std::ostream& out) { out << results.dump(2) << '\n'; });
    log::info("results written to " + file.string());
  }
}

}  // namespace

void add_retrieval_command(CLI::App& app) {
  auto o = std::make_shared<RetrievalOptions>();
  auto* cmd = app.add_subcommand("retrieval",
                                 "Image retrieval mAP on revisited Oxford or Paris (flags as eval_image_retrieval.py)");
  add_weights_flags(*cmd, o->weights);
  cmd->add_option("--data_path", o->data_path,
                  "The folder holding DATASET/gnd_DATASET.pkl and DATASET/jpg/ (the revisited layout)");
  cmd->add_option("--dataset", o->dataset, "roxford5k, rparis6k, or any set in that layout")->capture_default_str();
  cmd->add_option("--multiscale", o->multiscale, "Mean feature of scales 1, 1/sqrt(2) and 1/2")->capture_default_str();
  cmd->add_option("--imsize", o->imsize, "Images shrunk to fit this square (Pillow's thumbnail, Lanczos)")
      ->capture_default_str();
  cmd->add_option("--crop_queries", o->crop_queries,
                  "Crop each query to its ground-truth box first, as the revisited benchmark does (the reference "
                  "uses whole images)")
      ->capture_default_str();
  cmd->add_option("--use_cuda", o->use_cuda, "false runs on the CPU")->capture_default_str();
  cmd->add_option("--num_workers", o->num_workers, "CPU threads (0: all cores)")->capture_default_str();
  cmd->add_option("--output_dir", o->output_dir, "Also write retrieval.json (mAP, mP@k and every query's AP) here");
  cmd->add_option("--dump_features", o->dump_features,
                  "Also write database.npy and queries.npy (float32, one row an image, before L2 normalisation)");
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([o] { run_retrieval(*o); });
}

}  // namespace dino::cli
