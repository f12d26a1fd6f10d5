#include "dino/data/multi_crop.h"

#include "dino/data/image_file.h"
#include "dino/data/pil_resample.h"

#include <ATen/Parallel.h>
#include <opencv2/core.hpp>
#include <torch/torch.h>

namespace dino {
namespace {

cv::Mat crop_view(const cv::Mat& rgb, int size, Range scale, std::mt19937_64& rng, CropParameters& parameters) {
  parameters.box = sample_resized_crop(rgb.cols, rgb.rows, scale, rng);
  // torchvision crops, then resizes: the kernel never reads pixels outside the box (Pillow's
  // resize(box=...) would).
  cv::Mat view = pil_resize(rgb(parameters.box), size, size, PilFilter::Bicubic);
  parameters.flipped = std::bernoulli_distribution(0.5)(rng);
  if (parameters.flipped) cv::flip(view, view, 1);
  return view;
}

}  // namespace

std::mt19937_64 sample_generator(uint64_t seed, int64_t epoch, int64_t index) {
  std::seed_seq sequence{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32), static_cast<uint32_t>(epoch),
                         static_cast<uint32_t>(index), static_cast<uint32_t>(static_cast<uint64_t>(index) >> 32)};
  return std::mt19937_64(sequence);
}

ImageCrops make_crops(const cv::Mat& rgb, const MultiCropOptions& options, std::mt19937_64& rng) {
  ImageCrops result;
  result.parameters.resize(static_cast<size_t>(options.crops()));
  for (int i = 0; i < options.crops(); ++i) {
    const bool global = i < 2;
    result.crops.push_back(crop_view(rgb, global ? options.global_crops_size : options.local_crops_size,
                                     global ? options.global_crops_scale : options.local_crops_scale, rng,
                                     result.parameters[static_cast<size_t>(i)]));
  }
  return result;
}

void write_normalized_chw(const cv::Mat& rgb, float* destination) {
  const size_t plane = static_cast<size_t>(rgb.rows) * static_cast<size_t>(rgb.cols);
  for (int y = 0; y < rgb.rows; ++y) {
    const auto* row = rgb.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.cols; ++x) {
      for (int c = 0; c < 3; ++c) {
        destination[c * plane + static_cast<size_t>(y * rgb.cols + x)] =
            (row[3 * x + c] / 255.0f - kImageNetMean[c]) / kImageNetStd[c];
      }
    }
  }
}

std::vector<at::Tensor> make_multi_crop_batch(const ImageSource& source, const std::vector<int64_t>& indices,
                                              const MultiCropOptions& options, uint64_t seed, int64_t epoch) {
  const auto batch = static_cast<int64_t>(indices.size());
  std::vector<at::Tensor> crops;
  for (int i = 0; i < options.crops(); ++i) {
    const int size = i < 2 ? options.global_crops_size : options.local_crops_size;
    crops.push_back(torch::empty({batch, 3, size, size}));
  }
  at::parallel_for(0, batch, 1, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b) {
      auto rng = sample_generator(seed, epoch, indices[static_cast<size_t>(b)]);
      const ImageCrops views = make_crops(source.rgb(indices[static_cast<size_t>(b)]), options, rng);
      for (size_t i = 0; i < views.crops.size(); ++i) {
        auto& tensor = crops[i];
        write_normalized_chw(views.crops[i], tensor.data_ptr<float>() + b * tensor.stride(0));
      }
    }
  });
  return crops;
}

}  // namespace dino
