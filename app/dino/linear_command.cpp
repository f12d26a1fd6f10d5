// `dino linear`: eval_linear.py's linear probe on frozen features (reference.md §5.2), with its
// flag names and defaults, its checkpoint layout (checkpoint.pth.tar: epoch, state_dict with
// module.linear.* names, optimizer, scheduler, best_acc) and its log.txt lines.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/multi_crop.h>
#include <dino/data/open_data.h>
#include <dino/eval/knn.h>
#include <dino/eval/linear_probe.h>
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

PyValue string_key(const char* key) { return PyValue::string(key); }

// The reference's save_dict, readable by eval_linear.py's restart_from_checkpoint.
PyValue checkpoint_value(torch::nn::Linear& classifier, torch::optim::SGD& optimizer, double base_lr, int64_t epochs,
                         int64_t epochs_done, double best_acc) {
  auto state_dict = PyValue::dict(/*ordered=*/true);
  state_dict.as_dict().set(string_key("module.linear.weight"), PyValue::tensor(classifier->weight.detach().clone()));
  state_dict.as_dict().set(string_key("module.linear.bias"), PyValue::tensor(classifier->bias.detach().clone()));

  // torch.optim.SGD.state_dict(): per-parameter momentum buffers keyed 0, 1; one parameter group.
  auto state = PyValue::dict();
  const std::vector<torch::Tensor> params{classifier->weight, classifier->bias};
  for (size_t i = 0; i < params.size(); ++i) {
    const auto it = optimizer.state().find(params[i].unsafeGetTensorImpl());
    if (it == optimizer.state().end()) continue;
    const auto& sgd = static_cast<const torch::optim::SGDParamState&>(*it->second);
    auto entry = PyValue::dict();
    entry.as_dict().set(string_key("momentum_buffer"), PyValue::tensor(sgd.momentum_buffer().clone()));
    state.as_dict().set(PyValue::integer(static_cast<int64_t>(i)), entry);
  }
  const auto& options = static_cast<const torch::optim::SGDOptions&>(optimizer.param_groups()[0].options());
  auto group = PyValue::dict();
  // After scheduler.step(), as the reference saves it: the lr of the next epoch.
  group.as_dict().set(string_key("lr"), PyValue::floating(linear_probe_lr(base_lr, epochs_done, epochs)));
  group.as_dict().set(string_key("momentum"), PyValue::floating(options.momentum()));
  group.as_dict().set(string_key("dampening"), PyValue::floating(0.0));
  group.as_dict().set(string_key("weight_decay"), PyValue::floating(0.0));
  group.as_dict().set(string_key("nesterov"), PyValue::boolean(false));
  group.as_dict().set(string_key("maximize"), PyValue::boolean(false));
  group.as_dict().set(string_key("foreach"), PyValue());
  group.as_dict().set(string_key("differentiable"), PyValue::boolean(false));
  group.as_dict().set(string_key("fused"), PyValue());
  group.as_dict().set(string_key("initial_lr"), PyValue::floating(base_lr));
  group.as_dict().set(string_key("params"), PyValue::list({PyValue::integer(0), PyValue::integer(1)}));
  auto optimizer_state = PyValue::dict();
  optimizer_state.as_dict().set(string_key("state"), state);
  optimizer_state.as_dict().set(string_key("param_groups"), PyValue::list({group}));

  // CosineAnnealingLR.state_dict() after `epochs_done` steps.
  auto scheduler = PyValue::dict();
  scheduler.as_dict().set(string_key("T_max"), PyValue::integer(epochs));
  scheduler.as_dict().set(string_key("eta_min"), PyValue::integer(0));
  scheduler.as_dict().set(string_key("base_lrs"), PyValue::list({PyValue::floating(base_lr)}));
  scheduler.as_dict().set(string_key("last_epoch"), PyValue::integer(epochs_done));
  scheduler.as_dict().set(string_key("_step_count"), PyValue::integer(epochs_done + 1));
  scheduler.as_dict().set(string_key("_get_lr_called_within_step"), PyValue::boolean(false));
  scheduler.as_dict().set(string_key("_last_lr"),
                          PyValue::list({PyValue::floating(linear_probe_lr(base_lr, epochs_done, epochs))}));

  auto value = PyValue::dict();
  value.as_dict().set(string_key("epoch"), PyValue::integer(epochs_done));
  value.as_dict().set(string_key("state_dict"), state_dict);
  value.as_dict().set(string_key("optimizer"), optimizer_state);
  value.as_dict().set(string_key("scheduler"), scheduler);
  value.as_dict().set(string_key("best_acc"), PyValue::floating(best_acc));
  return value;
}

const PyValue& require(const PyValue& dict, const char* key, const std::filesystem::path& file) {
  const PyValue* value = dict.is_dict() ? dict.as_dict().find(key) : nullptr;
  if (!value) throw std::runtime_error(file.string() + ": no '" + key + "' entry, as checkpoint.pth.tar has");
  return *value;
}

// The classifier's weights from a checkpoint.pth.tar (ours or the reference's, with or without the
// module. prefix), checked against the expected shape.
void load_classifier(torch::nn::Linear& classifier, const PyValue& checkpoint, const std::filesystem::path& file) {
  const PyValue& state = require(checkpoint, "state_dict", file);
  for (const char* name : {"weight", "bias"}) {
    const PyValue* value = state.as_dict().find(std::string("module.linear.") + name);
    if (!value) value = state.as_dict().find(std::string("linear.") + name);
    if (!value || !value->is_tensor())
      throw std::runtime_error(file.string() + ": state_dict has no module.linear." + name);
    torch::Tensor& target = std::string(name) == "weight" ? classifier->weight : classifier->bias;
    if (value->as_tensor().sizes() != target.sizes())
      throw std::runtime_error(file.string() + ": module.linear." + name + " is " +
                               c10::str(value->as_tensor().sizes()) + ", the probe needs " + c10::str(target.sizes()) +
                               " (check --n_last_blocks, --avgpool_patchtokens and --num_labels)");
    torch::NoGradGuard no_grad;
    target.copy_(value->as_tensor().to(target.dtype()));
  }
}

void restore_momentum(torch::optim::SGD& optimizer, torch::nn::Linear& classifier, const PyValue& checkpoint,
                      const std::filesystem::path& file) {
  const PyValue& state = require(require(checkpoint, "optimizer", file), "state", file);
  const std::vector<torch::Tensor> params{classifier->weight, classifier->bias};
  for (size_t i = 0; i < params.size(); ++i) {
    const PyValue* entry = state.as_dict().find(std::to_string(i));
    for (const auto& [key, value] : state.as_dict().items)
      if (key.is_int() && key.as_int() == static_cast<int64_t>(i)) entry = &value;
    if (!entry || !entry->is_dict()) continue;
    const PyValue* buffer = entry->as_dict().find("momentum_buffer");
    if (!buffer || !buffer->is_tensor()) continue;
    auto param_state = std::make_unique<torch::optim::SGDParamState>();
    param_state->momentum_buffer(buffer->as_tensor().clone());
    optimizer.state()[params[i].unsafeGetTensorImpl()] = std::move(param_state);
  }
}

void run_linear(const LinearOptions& o) {
  if (o.weights.pretrained_weights.empty() || o.data_path.empty())
    throw UsageError("--pretrained_weights and --data_path are required");
  if (o.n_last_blocks <= 0) throw UsageError("--n_last_blocks must be at least 1");
  if (o.avgpool_patchtokens && o.n_last_blocks != 1)
    throw UsageError(
        "--avgpool_patchtokens true needs --n_last_blocks 1 (the reference interleaves the CLS and mean "
        "tokens, which only lines up for one block)");
  if (o.epochs <= 0 || o.batch_size_per_gpu <= 0 || o.val_freq <= 0 || o.num_labels <= 0 || o.lr <= 0)
    throw UsageError("--epochs, --batch_size_per_gpu, --val_freq, --num_labels and --lr must be positive");
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
  if (classes > o.num_labels)
    throw UsageError("--num_labels " + std::to_string(o.num_labels) + " is fewer than the data's " +
                     std::to_string(classes) + " classes");
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
  torch::nn::Linear classifier = make_linear_classifier(dim, o.num_labels);
  const double base_lr = o.lr * static_cast<double>(o.batch_size_per_gpu) / 256.0;  // one process
  torch::optim::SGD optimizer(classifier->parameters(),
                              torch::optim::SGDOptions(base_lr).momentum(0.9).weight_decay(0));

  // The validation transform is fixed: its features are computed once.
  log::info("features of the " + std::to_string(splits.test->size()) + " val images...");
  const torch::Tensor val_features = batched_features(
      backbone.model, *splits.test, [&](int64_t, const cv::Mat& rgb) { return val_transform(rgb); }, probe, device,
      o.batch_size_per_gpu);
  const torch::Tensor val_labels = labels_of(*splits.test);

  const std::filesystem::path out(o.output_dir);
  const std::filesystem::path last_file = out / "checkpoint.pth.tar";
  if (o.evaluate) {
    const std::filesystem::path file =
        o.pretrained_linear.empty() ? last_file : std::filesystem::path(o.pretrained_linear);
    load_classifier(classifier, io::load_torch_file(file), file);
    const auto accuracy = evaluate_linear(classifier, val_features, val_labels, o.batch_size_per_gpu);
    std::cout << "Accuracy of the network on the " << val_features.size(0)
              << " test images: " << log::fixed(accuracy.top1, 1) << "%\n"
              << "* Acc@1 " << log::fixed(accuracy.top1, 3) << " Acc@5 " << log::fixed(accuracy.top5, 3) << " loss "
              << log::fixed(accuracy.loss, 3) << '\n';
    return;
  }

  std::filesystem::create_directories(out);
  int64_t start_epoch = 0;
  double best_acc = 0;
  if (std::filesystem::exists(last_file)) {
    const PyValue checkpoint = io::load_torch_file(last_file);
    load_classifier(classifier, checkpoint, last_file);
    restore_momentum(optimizer, classifier, checkpoint, last_file);
    start_epoch = require(checkpoint, "epoch", last_file).as_int();
    best_acc = require(checkpoint, "best_acc", last_file).as_double();
    log::info("resumed from " + last_file.string() + " after epoch " + std::to_string(start_epoch) + ", best top-1 " +
              log::fixed(best_acc, 2) + "%");
  }

  const auto train_features_of = [&](int64_t epoch) {
    const uint64_t seed = static_cast<uint64_t>(o.seed);
    return batched_features(
        backbone.model, *splits.train,
        [&](int64_t index, const cv::Mat& rgb) {
          auto rng = sample_generator(seed, epoch, index);
          return linear_probe_train_view(rgb, size, rng);
        },
        probe, device, o.batch_size_per_gpu);
  };
  const torch::Tensor train_labels = labels_of(*splits.train);
  torch::Tensor cached;
  if (o.cache_features) {
    // One augmented draw (epoch 0's) reused by every epoch: minutes instead of hours on a CPU.
    log::info("--cache_features: the train features of one augmentation draw, reused by every epoch");
    cached = train_features_of(0);
  }
  for (int64_t epoch = start_epoch; epoch < o.epochs; ++epoch) {
    const double lr = linear_probe_lr(base_lr, epoch, o.epochs);
    static_cast<torch::optim::SGDOptions&>(optimizer.param_groups()[0].options()).lr(lr);
    const torch::Tensor features = o.cache_features ? cached : train_features_of(epoch);
    const double loss = train_linear_epoch(classifier, optimizer, features, train_labels,
                                           linear_probe_order(features.size(0), epoch, o.seed), o.batch_size_per_gpu);
    nlohmann::json stats{{"train_loss", loss}, {"train_lr", lr}, {"epoch", epoch}};
    bool improved = false;
    if (epoch % o.val_freq == 0 || epoch == o.epochs - 1) {
      const auto accuracy = evaluate_linear(classifier, val_features, val_labels, o.batch_size_per_gpu);
      stats["test_loss"] = accuracy.loss;
      stats["test_acc1"] = accuracy.top1;
      stats["test_acc5"] = accuracy.top5;
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
    const PyValue checkpoint = checkpoint_value(classifier, optimizer, base_lr, o.epochs, epoch + 1, best_acc);
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
  cmd->add_option("--num_labels", o->num_labels, "Outputs of the linear layer (1000 for ImageNet)")
      ->capture_default_str();
  cmd->add_option("--val_freq", o->val_freq, "Validate every N epochs (and after the last)")->capture_default_str();
  cmd->add_flag("--evaluate", o->evaluate, "Only validate a saved classifier (--pretrained_linear)");
  cmd->add_option("--pretrained_linear", o->pretrained_linear,
                  "The classifier --evaluate validates (default: OUTPUT_DIR/checkpoint.pth.tar); the reference's "
                  "*_linearweights.pth files load too");
  cmd->add_option("--output_dir", o->output_dir, "Where checkpoint.pth.tar and log.txt go")->capture_default_str();
  cmd->add_flag("--cache_features", o->cache_features,
                "Compute the train features once (one augmentation draw) and reuse them every epoch");
  cmd->add_option("--seed", o->seed, "Seed of the train order and augmentation")->capture_default_str();
  cmd->add_option("--num_workers", o->num_workers, "CPU threads (0: all cores)")->capture_default_str();
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([o] { run_linear(*o); });
}

}  // namespace dino::cli
