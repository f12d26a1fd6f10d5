// Weighted k-NN classification on frozen features (eval_knn.py, reference.md §5.1).
#pragma once

#include "dino/data/eval_transform.h"
#include "dino/data/image_source.h"
#include "dino/distributed/process_group.h"
#include "dino/model/vision_transformer.h"

#include <functional>
#include <string>

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

// `features` of the images of `source` listed in `order`, each after `prepare(index, rgb)` (which
// must give every image one size), in batches of `batch_size` prepared in parallel and run on
// `device` in eval mode without gradients; `consume` gets each batch's rows (on the CPU, float) and
// the indices they belong to, in `order`'s order. `context` names the extraction in errors
// ("k-NN"). k-NN and the linear probe both extract this way.
void for_each_feature_batch(VisionTransformer& backbone, const ImageSource& source, const std::vector<int64_t>& order,
                            const std::function<cv::Mat(int64_t, const cv::Mat&)>& prepare,
                            const std::function<torch::Tensor(const torch::Tensor&)>& features, c10::Device device,
                            int64_t batch_size, const std::string& context,
                            const std::function<void(const torch::Tensor&, const std::vector<int64_t>&)>& consume);

// for_each_feature_batch over the whole source in its order, the rows gathered into one tensor;
// `progress`, when set, hears the images done so far after each batch.
torch::Tensor batched_features(VisionTransformer& backbone, const ImageSource& source,
                               const std::function<cv::Mat(int64_t, const cv::Mat&)>& prepare,
                               const std::function<torch::Tensor(const torch::Tensor&)>& features, c10::Device device,
                               int64_t batch_size, const std::string& context,
                               const std::function<void(int64_t)>& progress = {});

// The backbone's final-normed CLS features of every image after `transform` (which must give
// every image one size: use a crop), L2-normalised, on the CPU; eval mode, fp32, no gradients.
// `progress`, when set, is called with the images done so far after each batch.
// With a process `group`, each rank computes every world_size-th image (DistributedSampler's
// shard, padded by wrapping round) and the rows are gathered: every rank returns all of them.
torch::Tensor extract_features(VisionTransformer& backbone, const ImageSource& source, const EvalTransform& transform,
                               c10::Device device, int64_t batch_size = 256,
                               const std::function<void(int64_t)>& progress = {},
                               distributed::ProcessGroup* group = nullptr);

torch::Tensor labels_of(const ImageSource& source);

// The transform of a k-NN evaluation at the model's input size: eval_knn.py resizes the shorter
// side to 256 and crops 224 (reference.md §5.1); the same ratio at another size, and the image as
// it is for MNIST-format data (28 px, already the model's size). The training run's evaluation and
// `dino knn` both use it.
EvalTransform knn_transform(const std::string& data_path, int64_t image_size);

// The weighted k-NN accuracy of `backbone` (k = 20 and T = 0.07 as the reference reports): its
// features of both sets through `transform`, the training set's as the bank.
// With a process `group` the features are split over its ranks, and every rank gets the result.
KnnResult evaluate_knn(VisionTransformer& backbone, const ImageSource& train, const ImageSource& test,
                       const EvalTransform& transform, c10::Device device, int64_t k = 20, double temperature = 0.07,
                       distributed::ProcessGroup* group = nullptr);

}  // namespace dino
