// Weighted k-NN classification on frozen features (eval_knn.py, spec §5.1).
#pragma once

#include "dino/data/image_source.h"
#include "dino/model/vision_transformer.h"

namespace dino {

struct KnnResult {
  double top1 = 0;  // percent
  double top5 = 0;
  int64_t k = 20;
};

// train/test features must be L2-normalised rows. Each test image's neighbours are the k most
// cosine-similar training images, voting exp(similarity / T) for their class.
KnnResult weighted_knn(const torch::Tensor& train_features, const torch::Tensor& train_labels,
                       const torch::Tensor& test_features, const torch::Tensor& test_labels, int64_t k = 20,
                       double temperature = 0.07, int64_t num_classes = 0);

// The backbone's final-normed CLS features of every image (resized to `image_size` with Pillow
// bicubic when it differs), L2-normalised, on the CPU; eval mode, no gradients.
torch::Tensor extract_features(VisionTransformer& backbone, const ImageSource& source, int image_size,
                               c10::Device device, int64_t batch_size = 256);

torch::Tensor labels_of(const ImageSource& source);

}  // namespace dino
