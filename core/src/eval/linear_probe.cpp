#include "dino/eval/linear_probe.h"

#include "dino/data/pil_resample.h"
#include "dino/data/random_resized_crop.h"
#include "dino/model/vision_transformer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <cmath>
#include <numbers>

namespace dino {

torch::Tensor linear_probe_features(VisionTransformer& backbone, const torch::Tensor& images, int64_t n_last_blocks,
                                    bool avgpool_patchtokens) {
  const std::vector<torch::Tensor> outs = backbone->get_intermediate_layers(images, n_last_blocks);
  std::vector<torch::Tensor> cls;
  cls.reserve(outs.size());
  for (const auto& out : outs) cls.push_back(out.select(1, 0));
  torch::Tensor features = torch::cat(cls, -1);
  if (avgpool_patchtokens) {
    // reference.md §5.2: stacked on a last axis, then flattened, so CLS and mean alternate.
    const torch::Tensor mean = outs.back().slice(1, 1).mean(1);
    features = torch::cat({features.unsqueeze(-1), mean.unsqueeze(-1)}, -1).reshape({features.size(0), -1});
  }
  return features;
}

int64_t linear_probe_dim(int64_t embed_dim, int64_t n_last_blocks, bool avgpool_patchtokens) {
  return embed_dim * (n_last_blocks + (avgpool_patchtokens ? 1 : 0));
}

torch::nn::Linear make_linear_classifier(int64_t dim, int64_t num_labels) {
  torch::nn::Linear linear(dim, num_labels);
  torch::NoGradGuard no_grad;
  linear->weight.normal_(0.0, 0.01);
  linear->bias.zero_();
  return linear;
}

double linear_probe_lr(double base_lr, int64_t epoch, int64_t epochs) {
  if (epochs <= 0) return base_lr;
  return base_lr * (1.0 + std::cos(std::numbers::pi * static_cast<double>(epoch) / static_cast<double>(epochs))) / 2.0;
}

double train_linear_step(torch::nn::Linear& classifier, torch::optim::SGD& optimizer, const torch::Tensor& features,
                         const torch::Tensor& labels) {
  // The features come from a no-grad pass (a streamed epoch calls this inside it); the classifier
  // needs its gradients.
  torch::AutoGradMode enable_grad(true);
  classifier->train();
  const torch::Tensor loss =
      torch::nn::functional::cross_entropy(classifier(features.reshape({features.size(0), -1})), labels);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  return loss.item<double>();
}

double train_linear_epoch(torch::nn::Linear& classifier, torch::optim::SGD& optimizer, const torch::Tensor& features,
                          const torch::Tensor& labels, const std::vector<int64_t>& order, int64_t batch_size) {
  const torch::Tensor index = torch::tensor(order, torch::kLong);
  double loss_sum = 0;
  int64_t batches = 0;
  for (int64_t start = 0; start < index.size(0); start += batch_size) {
    const torch::Tensor rows = index.slice(0, start, std::min(start + batch_size, index.size(0)));
    loss_sum += train_linear_step(classifier, optimizer, features.index_select(0, rows), labels.index_select(0, rows));
    ++batches;
  }
  return batches > 0 ? loss_sum / static_cast<double>(batches) : 0.0;
}

LinearProbeAccuracy evaluate_linear(torch::nn::Linear& classifier, const torch::Tensor& features,
                                    const torch::Tensor& labels, int64_t batch_size) {
  classifier->eval();
  torch::NoGradGuard no_grad;
  LinearProbeAccuracy result;
  const int64_t n = features.size(0);
  if (n == 0) return result;
  int64_t correct1 = 0, correct5 = 0, batches = 0;
  double loss_sum = 0;
  for (int64_t start = 0; start < n; start += batch_size) {
    const int64_t end = std::min(start + batch_size, n);
    const torch::Tensor logits = classifier(features.slice(0, start, end).reshape({end - start, -1}));
    const torch::Tensor target = labels.slice(0, start, end);
    loss_sum += torch::nn::functional::cross_entropy(logits, target).item<double>();
    ++batches;
    const int64_t k = std::min<int64_t>(5, logits.size(1));
    const torch::Tensor top = std::get<1>(logits.topk(k, 1));
    const torch::Tensor hits = top.eq(target.unsqueeze(1));
    correct1 += hits.select(1, 0).sum().item<int64_t>();
    correct5 += hits.any(1).sum().item<int64_t>();
  }
  result.top1 = 100.0 * static_cast<double>(correct1) / static_cast<double>(n);
  result.has_top5 = classifier->weight.size(0) >= 5;
  result.top5 = result.has_top5 ? 100.0 * static_cast<double>(correct5) / static_cast<double>(n) : 0.0;
  result.loss = loss_sum / static_cast<double>(batches);
  return result;
}

cv::Mat linear_probe_train_view(const cv::Mat& rgb, int size, std::mt19937_64& rng) {
  const cv::Rect box = sample_resized_crop(rgb.cols, rgb.rows, {0.08, 1.0}, rng);
  // Crop, then resize, as torchvision does (make_view explains why not resize(box=...)).
  cv::Mat view = pil_resize(rgb(box), size, size, PilFilter::Bilinear);
  if (std::uniform_real_distribution<double>(0.0, 1.0)(rng) < 0.5) cv::flip(view, view, 1);
  return view;
}

std::vector<int64_t> linear_probe_order(int64_t n, int64_t epoch, int64_t seed) {
  auto generator = at::make_generator<at::CPUGeneratorImpl>(static_cast<uint64_t>(seed + epoch));
  const torch::Tensor perm = torch::randperm(n, generator, torch::kLong);
  return {perm.data_ptr<int64_t>(), perm.data_ptr<int64_t>() + n};
}

}  // namespace dino
