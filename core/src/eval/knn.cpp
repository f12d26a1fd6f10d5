#include "dino/eval/knn.h"

#include "dino/data/data_loader.h"
#include "dino/data/multi_crop.h"
#include "dino/data/open_data.h"
#include "dino/data/pil_resample.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <mutex>
#include <numeric>

namespace dino {

KnnResult weighted_knn(const torch::Tensor& train_features, const torch::Tensor& train_labels,
                       const torch::Tensor& test_features, const torch::Tensor& test_labels, int64_t k,
                       double temperature, int64_t num_classes) {
  TORCH_CHECK(train_features.size(0) >= k, "k-NN with k = ", k, " needs at least k training images");
  if (num_classes <= 0)
    num_classes = std::max(train_labels.max().item<int64_t>(), test_labels.max().item<int64_t>()) + 1;
  KnnResult result;
  result.k = k;
  int64_t top1 = 0, top5 = 0;
  const int64_t total = test_features.size(0);
  const auto train_t = train_features.t();
  for (int64_t start = 0; start < total; start += 1024) {
    const int64_t end = std::min(total, start + 1024);
    auto similarity = test_features.slice(0, start, end).matmul(train_t);
    auto [distances, indices] = similarity.topk(k, 1, true, true);
    auto neighbour_labels = train_labels.index({indices});  // (b, k)
    auto votes = torch::zeros({end - start, num_classes}, distances.options());
    votes.scatter_add_(1, neighbour_labels, (distances / temperature).exp());
    auto predictions = votes.argsort(1, /*descending=*/true);
    auto targets = test_labels.slice(0, start, end).view({-1, 1});
    auto correct = predictions.eq(targets);
    top1 += correct.slice(1, 0, 1).sum().item<int64_t>();
    top5 += correct.slice(1, 0, std::min<int64_t>(5, k)).sum().item<int64_t>();
  }
  result.top1 = 100.0 * static_cast<double>(top1) / static_cast<double>(total);
  result.top5 = 100.0 * static_cast<double>(top5) / static_cast<double>(total);
  return result;
}

torch::Tensor labels_of(const ImageSource& source) {
  auto labels = torch::empty({source.size()}, torch::kLong);
  auto* out = labels.data_ptr<int64_t>();
  for (int64_t i = 0; i < source.size(); ++i) out[i] = source.label(i);
  return labels;
}

void for_each_feature_batch(VisionTransformer& backbone, const ImageSource& source, const std::vector<int64_t>& order,
                            const std::function<cv::Mat(int64_t, const cv::Mat&)>& prepare,
                            const std::function<torch::Tensor(const torch::Tensor&)>& features, c10::Device device,
                            int64_t batch_size, const std::string& context,
                            const std::function<void(const torch::Tensor&, const std::vector<int64_t>&)>& consume) {
  if (order.empty()) throw std::runtime_error(context + ": the data set has no images");
  const bool was_training = backbone->is_training();
  backbone->eval();
  torch::NoGradGuard no_grad;
  // The first image fixes the batch's size; `prepare` must give every image that size.
  const cv::Mat first = prepare(order.front(), source.rgb(order.front()));
  const int height = first.rows, width = first.cols;
  const auto total = static_cast<int64_t>(order.size());
  for (int64_t start = 0; start < total; start += batch_size) {
    const int64_t end = std::min(total, start + batch_size);
    const std::vector<int64_t> indices(order.begin() + start, order.begin() + end);
    auto batch = torch::empty({end - start, 3, height, width});
    std::string error;
    std::mutex error_mutex;
    at::parallel_for(0, end - start, 1, [&](int64_t begin, int64_t stop) {
      for (int64_t b = begin; b < stop; ++b) {
        const int64_t i = indices[static_cast<size_t>(b)];
        try {
          cv::Mat rgb = prepare(i, source.rgb(i));
          if (rgb.rows != height || rgb.cols != width)
            throw std::runtime_error("image " + std::to_string(i) + " is " + std::to_string(rgb.cols) + "x" +
                                     std::to_string(rgb.rows) + " after the transform, the first was " +
                                     std::to_string(width) + "x" + std::to_string(height) + ": use a centre crop");
          write_normalized_chw(rgb, batch.data_ptr<float>() + b * batch.stride(0));
        } catch (const std::exception& e) {
          std::lock_guard lock(error_mutex);
          if (error.empty()) error = e.what();
        }
      }
    });
    if (!error.empty()) throw std::runtime_error(context + " features: " + error);
    consume(features(batch.to(device)).to(torch::kCPU, torch::kFloat), indices);
  }
  backbone->train(was_training);
}

namespace {

// for_each_feature_batch over `order`, the rows gathered into one tensor in that order.
torch::Tensor features_in_order(VisionTransformer& backbone, const ImageSource& source,
                                const std::vector<int64_t>& order,
                                const std::function<cv::Mat(int64_t, const cv::Mat&)>& prepare,
                                const std::function<torch::Tensor(const torch::Tensor&)>& features, c10::Device device,
                                int64_t batch_size, const std::string& context,
                                const std::function<void(int64_t)>& progress) {
  std::vector<torch::Tensor> rows;
  int64_t done = 0;
  for_each_feature_batch(backbone, source, order, prepare, features, device, batch_size, context,
                         [&](const torch::Tensor& batch, const std::vector<int64_t>& indices) {
                           rows.push_back(batch);
                           done += static_cast<int64_t>(indices.size());
                           if (progress) progress(done);
                         });
  return torch::cat(rows);
}

}  // namespace

torch::Tensor batched_features(VisionTransformer& backbone, const ImageSource& source,
                               const std::function<cv::Mat(int64_t, const cv::Mat&)>& prepare,
                               const std::function<torch::Tensor(const torch::Tensor&)>& features, c10::Device device,
                               int64_t batch_size, const std::string& context,
                               const std::function<void(int64_t)>& progress) {
  std::vector<int64_t> order(static_cast<size_t>(source.size()));
  std::iota(order.begin(), order.end(), 0);
  return features_in_order(backbone, source, order, prepare, features, device, batch_size, context, progress);
}

torch::Tensor extract_features(VisionTransformer& backbone, const ImageSource& source, const EvalTransform& transform,
                               c10::Device device, int64_t batch_size, const std::function<void(int64_t)>& progress,
                               distributed::ProcessGroup* group) {
  namespace F = torch::nn::functional;
  const auto prepare = [&transform](int64_t, const cv::Mat& rgb) { return transform(rgb); };
  const auto features = [&backbone](const torch::Tensor& images) {
    return F::normalize(backbone->forward(images), F::NormalizeFuncOptions().dim(1));
  };
  if (group == nullptr || group->world_size() == 1)
    return batched_features(backbone, source, prepare, features, device, batch_size, "k-NN", progress);
  // reference.md §5.1: DistributedSampler's order without shuffling, so rank r takes images r,
  // r + W, r + 2W, ... (wrapping round to pad the last row) and its row j is image r + jW:
  // gathered and interleaved, the rows are in order.
  const int64_t n = source.size(), world = group->world_size();
  const auto order = epoch_sample_order(n, 0, 0, /*shuffle=*/false, group->rank(), world);
  const auto per_rank = static_cast<int64_t>(order.size());
  const torch::Tensor mine =
      features_in_order(backbone, source, order, prepare, features, device, batch_size, "k-NN", progress);
  const torch::Tensor all = group->all_gather(mine);  // (world, per_rank, D)
  return all.transpose(0, 1).reshape({per_rank * world, all.size(2)}).narrow(0, 0, n).contiguous();
}

EvalTransform knn_transform(const std::string& data_path, int64_t image_size) {
  const int size = static_cast<int>(image_size);
  EvalTransform transform;
  transform.crop = size;
  transform.resize = is_mnist_folder(resolve_data_path(data_path)) ? size : size * 256 / 224;
  return transform;
}

KnnResult evaluate_knn(VisionTransformer& backbone, const ImageSource& train, const ImageSource& test,
                       const EvalTransform& transform, c10::Device device, int64_t k, double temperature,
                       distributed::ProcessGroup* group) {
  return weighted_knn(extract_features(backbone, train, transform, device, 256, {}, group), labels_of(train),
                      extract_features(backbone, test, transform, device, 256, {}, group), labels_of(test), k,
                      temperature, std::max(train.num_classes(), test.num_classes()));
}

}  // namespace dino
