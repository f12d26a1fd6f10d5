// The reference's linear probe on frozen features (eval_linear.py, reference.md §5.2): the CLS
// tokens of the backbone's last n blocks (and, when asked, the mean patch token, interleaved as the
// reference does) feeding one linear layer trained by SGD with momentum under a per-epoch cosine.
#pragma once

#include <torch/nn/modules/linear.h>
#include <torch/optim/sgd.h>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <random>
#include <vector>

namespace dino {

class VisionTransformer;

// The classifier's input for a batch of images: cat([out[:, 0] for out in last n blocks]), then,
// with avgpool, [cls_0, avg_0, cls_1, avg_1, ...] (the reference's interleaving; it only makes sense
// for n = 1). Eval mode and no gradients are the caller's.
torch::Tensor linear_probe_features(VisionTransformer& backbone, const torch::Tensor& images, int64_t n_last_blocks,
                                    bool avgpool_patchtokens);
// The input dimension that gives: D * (n + avgpool).
int64_t linear_probe_dim(int64_t embed_dim, int64_t n_last_blocks, bool avgpool_patchtokens);

// Linear(dim, num_labels) with weights from N(0, 0.01^2) and zero bias, as LinearClassifier is made.
torch::nn::Linear make_linear_classifier(int64_t dim, int64_t num_labels);

// CosineAnnealingLR(T_max = epochs, eta_min = 0) stepped once per epoch: the lr of epoch `epoch`.
double linear_probe_lr(double base_lr, int64_t epoch, int64_t epochs);

// One step of the reference's train(): cross-entropy of the batch, zero_grad, backward, step.
// Returns the batch's loss.
double train_linear_step(torch::nn::Linear& classifier, torch::optim::SGD& optimizer, const torch::Tensor& features,
                         const torch::Tensor& labels);

// One epoch of steps over batches of `batch_size` rows in `order` (the last one may be short).
// Returns the mean loss over the batches.
double train_linear_epoch(torch::nn::Linear& classifier, torch::optim::SGD& optimizer, const torch::Tensor& features,
                          const torch::Tensor& labels, const std::vector<int64_t>& order, int64_t batch_size);

struct LinearProbeAccuracy {
  double top1 = 0;  // percent
  double top5 = 0;  // percent; only when the classifier has 5 outputs or more
  bool has_top5 = false;
  double loss = 0;  // the mean of the batches' cross-entropies, as validate_network averages
};
LinearProbeAccuracy evaluate_linear(torch::nn::Linear& classifier, const torch::Tensor& features,
                                    const torch::Tensor& labels, int64_t batch_size = 128);

// eval_linear.py's training transform before ToTensor: RandomResizedCrop(size) with torchvision's
// defaults (scale 0.08 to 1, bilinear), then a horizontal flip with probability 1/2.
cv::Mat linear_probe_train_view(const cv::Mat& rgb, int size, std::mt19937_64& rng);

// DistributedSampler(shuffle=True, seed=0) on one process: randperm(n) from a generator seeded with
// seed + epoch, as the reference's train loader draws each epoch.
std::vector<int64_t> linear_probe_order(int64_t n, int64_t epoch, int64_t seed = 0);

}  // namespace dino
