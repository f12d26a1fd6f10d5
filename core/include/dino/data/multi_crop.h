// Multi-crop views for DINO (spec §1.3): 2 global crops and N local crops of each image, batched
// crop-major as the reference's collate does.
//
// Implemented so far: RandomResizedCrop (torchvision sampling, Pillow bicubic resampling) and the
// horizontal flip. Colour jitter, grayscale, blur and solarisation come with the data pipeline work.
#pragma once

#include "dino/data/image_source.h"
#include "dino/data/random_resized_crop.h"

#include <ATen/core/Tensor.h>

#include <vector>

namespace dino {

struct MultiCropOptions {
  int global_crops_size = 224;
  int local_crops_size = 96;
  Range global_crops_scale{0.4, 1.0};
  Range local_crops_scale{0.05, 0.4};
  int local_crops_number = 8;
  int crops() const { return 2 + local_crops_number; }
};

struct CropParameters {
  cv::Rect box;  // in input pixels
  bool flipped = false;
};

struct ImageCrops {
  std::vector<cv::Mat> crops;  // 8-bit RGB: global 1, global 2, local 1..N
  std::vector<CropParameters> parameters;
};

// The crops of one image, drawn from `rng`.
ImageCrops make_crops(const cv::Mat& rgb, const MultiCropOptions& options, std::mt19937_64& rng);

// Each sample's generator is seeded from (seed, epoch, index) alone, so a batch does not depend on
// thread count or order.
std::mt19937_64 sample_generator(uint64_t seed, int64_t epoch, int64_t index);

// 2 + N tensors, crop-major, each (B, 3, S, S), normalised with the ImageNet mean and std.
std::vector<at::Tensor> make_multi_crop_batch(const ImageSource& source, const std::vector<int64_t>& indices,
                                              const MultiCropOptions& options, uint64_t seed, int64_t epoch);

// Writes an 8-bit RGB image into a (3, H, W) float buffer as ToTensor + Normalize do.
void write_normalized_chw(const cv::Mat& rgb, float* destination);

}  // namespace dino
