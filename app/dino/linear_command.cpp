// `dino linear`: eval_linear.py's linear probe on frozen features (reference.md §5.2), with its
// flag names and defaults, its checkpoint layout (checkpoint.pth.tar: epoch, state_dict with
// module.linear.* names, optimizer, scheduler, best_acc) and its log.txt lines.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/multi_crop.h>
#include <dino/data/open_data.h>
#include <dino/eval/knn.h>
#include <dino/eval/linear_probe.h>
#include <dino/eval/linear_probe_checkpoint.h>
#include <dino/io/torch_file.h>
#include <dino/log/human_readable.h>
#include <dino/log/log.h>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace dino::cli {
namespace {

struct LinearOptions {
  WeightsFlags weights;
  std::string data_path;
  int64_t n_last_blocks = 4;
  bool avgpool_patchtokens = false;
  int64_t epochs = 100;
  double lr = 0.001;
  int64_t batch_size_per_gpu = 128;
  int64_t num_labels = 1000;
  int64_t val_freq = 1;
  bool evaluate = false;
  std::string pretrained_linear;  // --evaluate's classifier; default: output_dir/checkpoint.pth.tar
  std::string output_dir = ".";
  bool cache_features = false;
  int64_t seed = 0;
  int num_workers = 0;
  std::string device = "auto";
};

using io::PyValue;

// A checkpoint written with other flags would train or evaluate something else: refuse, naming them.
void check_same_probe(const PyValue& checkpoint, const LinearOptions& o, double base_lr, bool resuming,
                      const std::filesystem::path& file) {
  if (const PyValue* probe = checkpoint.as_dict().find("dino_studio_probe"); probe && probe->is_dict()) {
    const PyValue* blocks = probe->as_dict().find("n_last_blocks");
    const PyValue* pooled = probe->as_dict().find("avgpool_patchtokens");
    if (blocks && pooled && (blocks->as_int() != o.n_last_blocks || pooled->as_bool() != o.avgpool_patchtokens))
      throw UsageError(file.string() + " was trained with --n_last_blocks " + std::to_string(blocks->as_int()) +
                       " --avgpool_patchtokens " + (pooled->as_bool() ? "true" : "false") + "; pass the same flags");
  }
  if (!resuming) return;
  const PyValue& scheduler = require_entry(checkpoint, "scheduler", file);
  const PyValue* t_max = scheduler.as_dict().find("T_max");
  const PyValue* base_lrs = scheduler.as_dict().find("base_lrs");
  if (t_max && t_max->is_number() && t_max->as_int() != o.epochs)
    throw UsageError(file.string() + " is a run of --epochs " + std::to_string(t_max->as_int()) +
                     " (its cosine spans them); resume it with the same --epochs, or use another --output_dir");
  if (base_lrs && base_lrs->is_sequence() && !base_lrs->items().empty() &&
      std::abs(base_lrs->items().front().as_double() - base_lr) > 1e-12 * std::max(1.0, base_lr))
    throw UsageError(file.string() + " was trained at a scaled lr of " +
                     log::fixed(base_lrs->items().front().as_double(), 6) +
                     ", these --lr and --batch_size_per_gpu give " + log::fixed(base_lr, 6) +
                     "; resume with the same flags, or use another --output_dir");
}

// validate_network's summary line; without top-5 when the classifier has fewer than 5 outputs.
void print_validation(const LinearProbeAccuracy& accuracy) {
  std::cout << "* Acc@1 " << log::fixed(accuracy.top1, 3);
  if (accuracy.has_top5) std::cout << " Acc@5 " << log::fixed(accuracy.top5, 3);
  std::cout << " loss " << log::fixed(accuracy.loss, 3) << '\n';
}

void run_linear(const LinearOptions& o) {
  if (o.weights.pretrained_weights.empty() || o.data_path.empty())
    throw UsageError("--pretrained_weights and --data_path are required");
  if (o.n_last_blocks <= 0) throw UsageError("--n_last_blocks must be at least 1");
  if (o.avgpool_patchtokens && o.n_last_blocks != 1)
    throw UsageError(
        "--avgpool_patchtokens true needs --n_last_blocks 1 (the reference interleaves the CLS and mean "
        "tokens, which only lines up for one block)");
  if (o.epochs <= 0 || o.batch_size_per_gpu <= 0 || o.val_freq <= 0 || o.lr <= 0)
    throw UsageError("--epochs, --batch_size_per_gpu, --val_freq and --lr must be positive");
  if (o.num_labels < 0) throw UsageError("--num_labels must be positive, or 0 for the data's classes");
  if (!o.pretrained_linear.empty() && !o.evaluate)
    throw UsageError(
        "--pretrained_linear names the classifier --evaluate validates; training resumes from "
        "OUTPUT_DIR/checkpoint.pth.tar");
  if (o.num_workers > 0) at::set_num_threads(o.num_workers);

  auto backbone = load_backbone(o.weights);
  log::info(backbone.description);
  if (o.n_last_blocks > backbone.config.depth)
    throw UsageError("--n_last_blocks " + std::to_string(o.n_last_blocks) + " exceeds the model's " +
                     std::to_string(backbone.config.depth) + " blocks");
  const c10::Device device = resolve_device(o.device);
  backbone.model->to(device);
  const auto splits = open_labelled_splits(o.data_path);
  const int64_t classes = std::max(splits.train->num_classes(), splits.test->num_classes());
  if (o.num_labels > 0 && classes > o.num_labels)
    throw UsageError("--num_labels " + std::to_string(o.num_labels) + " is fewer than the data's " +
                     std::to_string(classes) + " classes");
  const int64_t num_labels = o.num_labels > 0 ? o.num_labels : classes;
  const int size = static_cast<int>(backbone.config.img_size);
  const EvalTransform val_transform = knn_transform(o.data_path, size);
  log::info("data: " + splits.description + ", " + std::to_string(splits.train->size()) + " train and " +
            std::to_string(splits.test->size()) + " val images; train: RandomResizedCrop(" + std::to_string(size) +
            ") and flips; val: resize " + std::to_string(val_transform.resize) + ", centre crop " +
            std::to_string(val_transform.crop));

  const auto probe = [&](const torch::Tensor& images) {
    return linear_probe_features(backbone.model, images, o.n_last_blocks, o.avgpool_patchtokens);
  };
  const int64_t dim = linear_probe_dim(backbone.config.embed_dim, o.n_last_blocks, o.avgpool_patchtokens);
  torch::nn::Linear classifier = make_linear_classifier(dim, num_labels);
  const double base_lr = o.lr * static_cast<double>(o.batch_size_per_gpu) / 256.0;  // one process
  torch::optim::SGD optimizer(classifier->parameters(),
                              torch::optim::SGDOptions(base_lr).momentum(0.9).weight_decay(0));

  // The classifier to evaluate or resume from, checked before any image is read.
  const std::filesystem::path out(o.output_dir);
  const std::filesystem::path last_file = out / "checkpoint.pth.tar";
  int64_t start_epoch = 0;
  double best_acc = 0;
  if (o.evaluate) {
    const std::filesystem::path file =
        o.pretrained_linear.empty() ? last_file : std::filesystem::path(o.pretrained_linear);
    const PyValue checkpoint = io::load_torch_file(file);
    check_same_probe(checkpoint, o, base_lr, false, file);
    load_linear_classifier(classifier, checkpoint, file);
  } else if (std::filesystem::exists(last_file)) {
    const PyValue checkpoint = io::load_torch_file(last_file);
    check_same_probe(checkpoint, o, base_lr, true, last_file);
    load_linear_classifier(classifier, checkpoint, last_file);
    restore_linear_momentum(optimizer, classifier, checkpoint, last_file);
    start_epoch = require_entry(checkpoint, "epoch", last_file).as_int();
    best_acc = require_entry(checkpoint, "best_acc", last_file).as_double();
    log::info("resumed from " + last_file.string() + " after epoch " + std::to_string(start_epoch) + ", best top-1 " +
              log::fixed(best_acc, 2) + "%");
  }

  // The validation transform is fixed: its features are computed once.
  log::info("features of the " + std::to_string(splits.test->size()) + " val images...");
  // A line every ten seconds while features are computed: a probe on a CPU can spend minutes here.
  const torch::Tensor val_features = batched_features(
      backbone.model, *splits.test, [&](int64_t, const cv::Mat& rgb) { return val_transform(rgb); }, probe, device,
      o.batch_size_per_gpu, "linear probe val", feature_progress("the val set", splits.test->size()));
  const torch::Tensor val_labels = labels_of(*splits.test);
  if (o.evaluate) {
    const auto accuracy = evaluate_linear(classifier, val_features, val_labels, o.batch_size_per_gpu);
    print_validation(accuracy);
    std::cout << "Accuracy of the network on the " << val_features.size(0)
              << " test images: " << log::fixed(accuracy.top1, 1) << "%\n";
    return;
  }

  std::filesystem::create_directories(out);
  const torch::Tensor train_labels = labels_of(*splits.train);
  const auto train_view = [&](int64_t epoch) {
    return [&, epoch](int64_t index, const cv::Mat& rgb) {
      auto rng = sample_generator(static_cast<uint64_t>(o.seed), epoch, index);
      return linear_probe_train_view(rgb, size, rng);
    };
  };
  torch::Tensor cached;
  if (o.cache_features) {
    // One augmented draw (epoch 0's) reused by every epoch: minutes instead of hours on a CPU.
    log::info("--cache_features: the train features of one augmentation draw, reused by every epoch");
    cached = batched_features(backbone.model, *splits.train, train_view(0), probe, device, o.batch_size_per_gpu,
                              "linear probe train", feature_progress("the train set", splits.train->size()));
  }
  for (int64_t epoch = start_epoch; epoch < o.epochs; ++epoch) {
    const double lr = linear_probe_lr(base_lr, epoch, o.epochs);
    static_cast<torch::optim::SGDOptions&>(optimizer.param_groups()[0].options()).lr(lr);
    const std::vector<int64_t> order = linear_probe_order(splits.train->size(), epoch, o.seed);
    double loss = 0;
    if (o.cache_features) {
      loss = train_linear_epoch(classifier, optimizer, cached, train_labels, order, o.batch_size_per_gpu);
    } else {
      // Each batch's features as the sampler orders them, trained on as they come: the epoch's
      // features are never all held at once (7.9 GB for ImageNet with ViT-S and 4 blocks).
      double loss_sum = 0;
      int64_t batches = 0, seen = 0;
      const auto total = static_cast<int64_t>(order.size());
      ProgressLog epoch_log;
      for_each_feature_batch(
          backbone.model, *splits.train, order, train_view(epoch), probe, device, o.batch_size_per_gpu,
          "linear probe train", [&](const torch::Tensor& rows, const std::vector<int64_t>& indices) {
            loss_sum +=
                train_linear_step(classifier, optimizer, rows, train_labels.index_select(0, torch::tensor(indices)));
            ++batches;
            seen += static_cast<int64_t>(indices.size());
            if (epoch_log.due(seen, total))
              log::info("epoch " + std::to_string(epoch + 1) + ": " + std::to_string(seen) + "/" +
                        std::to_string(total) + " training images");
          });
      loss = batches > 0 ? loss_sum / static_cast<double>(batches) : 0.0;
    }
    log::info("epoch " + std::to_string(epoch + 1) + " of " + std::to_string(o.epochs) + " trained, loss " +
              log::fixed(loss, 4));
    // log.txt in the reference's key order.
    nlohmann::ordered_json stats{{"train_lr", lr}, {"train_loss", loss}, {"epoch", epoch}};
    bool improved = false;
    if (epoch % o.val_freq == 0 || epoch == o.epochs - 1) {
      const auto accuracy = evaluate_linear(classifier, val_features, val_labels, o.batch_size_per_gpu);
      print_validation(accuracy);
      stats["test_loss"] = accuracy.loss;
      stats["test_acc1"] = accuracy.top1;
      if (accuracy.has_top5) stats["test_acc5"] = accuracy.top5;
      improved = accuracy.top1 > best_acc;
      best_acc = std::max(best_acc, accuracy.top1);
      std::cout << "Accuracy at epoch " << epoch << " of the network on the " << val_features.size(0)
                << " test images: " << log::fixed(accuracy.top1, 1) << "%\n"
                << "Max accuracy so far: " << log::fixed(best_acc, 2) << "%" << std::endl;  // seen as it comes
    }
    {
      std::ofstream log_file(out / "log.txt", std::ios::app);
      log_file << stats.dump() << '\n';
    }
    const PyValue checkpoint = linear_probe_checkpoint(classifier, optimizer, base_lr, o.epochs, epoch + 1, best_acc,
                                                       {o.n_last_blocks, o.avgpool_patchtokens});
    io::save_torch_file(last_file, checkpoint);
    if (improved) io::save_torch_file(out / "checkpoint_best.pth.tar", checkpoint);
  }
  std::cout << "Training of the supervised linear classifier on frozen features completed.\n"
            << "Top-1 test accuracy: " << log::fixed(best_acc, 1) << '\n';
}

}  // namespace

void add_linear_command(CLI::App& app) {
  auto o = std::make_shared<LinearOptions>();
  auto* cmd = app.add_subcommand("linear", "Linear probe on frozen features (flags as eval_linear.py)");
  add_weights_flags(*cmd, o->weights);
  cmd->add_option("--data_path", o->data_path,
                  "A folder with train/ and val/ class folders, an MNIST-layout folder, or fashion-mnist");
  cmd->add_option("--n_last_blocks", o->n_last_blocks,
                  "Concatenate the CLS tokens of this many last blocks (4 for ViT-S in the paper, 1 for ViT-B)")
      ->capture_default_str();
  cmd->add_option("--avgpool_patchtokens", o->avgpool_patchtokens,
                  "Also the mean patch token (true for ViT-B in the paper; needs --n_last_blocks 1)")
      ->capture_default_str();
  cmd->add_option("--epochs", o->epochs, "Epochs of training")->capture_default_str();
  cmd->add_option("--lr", o->lr, "Learning rate for a batch of 256, scaled linearly with the batch")
      ->capture_default_str();
  cmd->add_option("--batch_size_per_gpu", o->batch_size_per_gpu, "Images per step")->capture_default_str();
  cmd->add_option("--num_labels", o->num_labels,
                  "Outputs of the linear layer (1000 for ImageNet; 0: the data's classes)")
      ->capture_default_str();
  cmd->add_option("--val_freq", o->val_freq, "Validate after epochs 0, N, 2N, ... and after the last")
      ->capture_default_str();
  cmd->add_flag("--evaluate", o->evaluate, "Only validate a saved classifier (--pretrained_linear)");
  cmd->add_option("--pretrained_linear", o->pretrained_linear,
                  "The classifier --evaluate validates (default: OUTPUT_DIR/checkpoint.pth.tar); the reference's "
                  "*_linearweights.pth files load too");
  cmd->add_option("--output_dir", o->output_dir, "Where checkpoint.pth.tar and log.txt go")->capture_default_str();
  cmd->add_flag("--cache_features", o->cache_features,
                "Compute the train features once (one augmentation draw) and reuse them every epoch");
  cmd->add_option("--seed", o->seed, "Seed of the train order and augmentation (the reference's order is seed 0's)")
      ->capture_default_str();
  cmd->add_option("--num_workers", o->num_workers, "CPU threads (0: all cores)")->capture_default_str();
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([o] { run_linear(*o); });
}

}  // namespace dino::cli
