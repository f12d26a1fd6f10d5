// `dino knn`: eval_knn.py's weighted k-NN on frozen features (reference.md §5.1), with its flag names.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/open_data.h>
#include <dino/eval/knn.h>
#include <dino/io/pretrained_backbone.h>
#include <dino/io/torch_file.h>
#include <dino/log/human_readable.h>
#include <dino/log/log.h>

#include <torch/torch.h>

#include <filesystem>
#include <algorithm>
#include <iostream>

namespace dino::cli {
namespace {

struct KnnOptions {
  WeightsFlags weights;
  std::string data_path;
  std::vector<int64_t> nb_knn{10, 20, 100, 200};
  double temperature = 0.07;
  int64_t batch_size_per_gpu = 128;
  std::string dump_features;
  std::string load_features;
  int resize_size = -1;  // -1: knn_transform's (256 for a 224-px model; the model's size for MNIST data)
  int crop_size = -1;    // -1: the model's input size
  int num_workers = 0;
  std::string device = "auto";
};

// The reference's file names in --dump_features / --load_features.
constexpr const char* kFeatureFiles[] = {"trainfeat.pth", "testfeat.pth", "trainlabels.pth", "testlabels.pth"};

struct Features {
  torch::Tensor train, test, train_labels, test_labels;
};

torch::Tensor load_tensor(const std::filesystem::path& file) {
  auto value = io::load_torch_file(file);
  if (!value.is_tensor()) throw std::runtime_error(file.string() + ": expected one tensor, as eval_knn.py dumps");
  return value.as_tensor();
}

Features load_features(const std::filesystem::path& folder) {
  Features f{load_tensor(folder / kFeatureFiles[0]), load_tensor(folder / kFeatureFiles[1]),
             load_tensor(folder / kFeatureFiles[2]).to(torch::kLong),
             load_tensor(folder / kFeatureFiles[3]).to(torch::kLong)};
  if (f.train.dim() != 2 || f.test.dim() != 2 || f.train.size(1) != f.test.size(1))
    throw std::runtime_error(folder.string() + ": trainfeat.pth and testfeat.pth must be N x D with the same D");
  if (f.train_labels.numel() != f.train.size(0) || f.test_labels.numel() != f.test.size(0))
    throw std::runtime_error(folder.string() + ": the label files do not match the feature files' lengths");
  f.train = f.train.to(torch::kFloat);
  f.test = f.test.to(torch::kFloat);
  return f;
}

void dump_features(const std::filesystem::path& folder, const Features& f) {
  std::filesystem::create_directories(folder);
  const torch::Tensor tensors[] = {f.train, f.test, f.train_labels, f.test_labels};
  for (int i = 0; i < 4; ++i) io::save_torch_file(folder / kFeatureFiles[i], io::PyValue::tensor(tensors[i]));
  log::info("features saved to " + folder.string());
}

Features extract(const KnnOptions& options) {
  auto backbone = load_backbone(options.weights);
  log::info(backbone.description);
  const c10::Device device = resolve_device(options.device);
  backbone.model->to(device);
  const auto splits = open_labelled_splits(options.data_path);
  // Said before the features are computed, not after: no k of --nb_knn fits the training set.
  if (std::all_of(options.nb_knn.begin(), options.nb_knn.end(), [&](int64_t k) { return k > splits.train->size(); }))
    throw UsageError("--nb_knn: every k is larger than the training set's " + std::to_string(splits.train->size()) +
                     " images");
  // The training run's rule at the model's size (224: eval_knn.py's 256 and 224); flags override it.
  EvalTransform transform = knn_transform(options.data_path, backbone.config.img_size);
  const bool mnist = is_mnist_folder(resolve_data_path(options.data_path));
  if (options.crop_size >= 0) transform.crop = options.crop_size;
  if (options.resize_size >= 0)
    transform.resize = options.resize_size;
  else if (mnist)
    transform.resize = transform.crop;  // a crop asked for alone sets the size
  log::info("data: " + splits.description + ", " + std::to_string(splits.train->size()) + " train and " +
            std::to_string(splits.test->size()) + " test images, resize " + std::to_string(transform.resize) +
            ", centre crop " + std::to_string(transform.crop));
  auto report = [](const char* split, int64_t total) {
    return [split, total](int64_t done) {
      log::info(std::string("features of the ") + split + " set: " + std::to_string(done) + "/" +
                std::to_string(total));
    };
  };
  Features f;
  f.train = extract_features(backbone.model, *splits.train, transform, device, options.batch_size_per_gpu,
                             report("train", splits.train->size()));
  f.test = extract_features(backbone.model, *splits.test, transform, device, options.batch_size_per_gpu,
                            report("test", splits.test->size()));
  f.train_labels = labels_of(*splits.train);
  f.test_labels = labels_of(*splits.test);
  return f;
}

void run_knn(const KnnOptions& options) {
  if (options.load_features.empty() && (options.weights.pretrained_weights.empty() || options.data_path.empty()))
    throw UsageError("--pretrained_weights and --data_path are required unless --load_features names dumped features");
  if (options.temperature <= 0) throw UsageError("--temperature must be positive");
  if (options.batch_size_per_gpu <= 0) throw UsageError("--batch_size_per_gpu must be positive");
  if (options.nb_knn.empty()) throw UsageError("--nb_knn needs at least one k");
  for (auto k : options.nb_knn)
    if (k <= 0) throw UsageError("--nb_knn: every k must be positive, got " + std::to_string(k));
  if (options.num_workers > 0) at::set_num_threads(options.num_workers);

  Features f;
  if (!options.load_features.empty()) {
    f = load_features(options.load_features);
    log::info("features loaded from " + options.load_features);
  } else {
    f = extract(options);
    if (!options.dump_features.empty()) dump_features(options.dump_features, f);
  }
  // reference.md §5.1: both banks are L2-normalised before the classifier (dumped features already are,
  // and normalising twice changes nothing).
  namespace F = torch::nn::functional;
  f.train = F::normalize(f.train, F::NormalizeFuncOptions().dim(1));
  f.test = F::normalize(f.test, F::NormalizeFuncOptions().dim(1));
  const int64_t classes = std::max(f.train_labels.max().item<int64_t>(), f.test_labels.max().item<int64_t>()) + 1;
  for (auto k : options.nb_knn) {
    if (k > f.train.size(0)) {
      std::cout << k << "-NN classifier: skipped, the training set has only " << f.train.size(0) << " images\n";
      continue;
    }
    const auto result = weighted_knn(f.train, f.train_labels, f.test, f.test_labels, k, options.temperature, classes);
    std::cout << k << "-NN classifier result: Top1: " << log::fixed(result.top1, 4)
              << ", Top5: " << log::fixed(result.top5, 4) << '\n';
  }
}

}  // namespace

void add_knn_command(CLI::App& app) {
  auto o = std::make_shared<KnnOptions>();
  auto* cmd = app.add_subcommand("knn", "Weighted k-NN accuracy of frozen features (flags as eval_knn.py)");
  add_weights_flags(*cmd, o->weights);
  cmd->add_option("--data_path", o->data_path,
                  "A folder with train/ and val/ class folders, an MNIST-layout folder, or fashion-mnist");
  cmd->add_option("--nb_knn", o->nb_knn, "Numbers of neighbours")->expected(1, -1)->capture_default_str();
  cmd->add_option("--temperature", o->temperature, "Temperature of the neighbours' votes")->capture_default_str();
  cmd->add_option("--batch_size_per_gpu", o->batch_size_per_gpu, "Images per forward pass")->capture_default_str();
  cmd->add_option("--dump_features", o->dump_features,
                  "Save the features and labels to this folder (.pth as eval_knn.py)");
  cmd->add_option("--load_features", o->load_features,
                  "Skip the model: load features dumped by this tool or eval_knn.py");
  cmd->add_option("--resize_size", o->resize_size,
                  "Shorter side before the crop (default: 256/224 of the model's input size, so 256 for the released "
                  "models; MNIST data: the model's size)");
  cmd->add_option("--crop_size", o->crop_size,
                  "Centre crop (default: the model's input size, 224 for the released models)");
  cmd->add_option("--num_workers", o->num_workers, "CPU threads for decoding and the model (0: all cores)")
      ->capture_default_str();
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([o] { run_knn(*o); });
}

}  // namespace dino::cli
