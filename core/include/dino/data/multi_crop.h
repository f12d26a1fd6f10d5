// Multi-crop views for DINO (reference.md §1.3): 2 global crops and N local crops of each image, batched
// crop-major as the reference's collate does. Each view: RandomResizedCrop (torchvision sampling,
// Pillow bicubic), horizontal flip (p 0.5), colour jitter (p 0.8; brightness 0.4, contrast 0.4,
// saturation 0.2, hue 0.1, in a random order), grayscale (p 0.2), Gaussian blur (p 1.0 / 0.1 /
// 0.5 for global 1 / global 2 / local, sigma in [0.1, 2]), solarisation (global 2, p 0.2), then
// ToTensor + Normalize. Every operation has Pillow's 8-bit semantics (pil_ops.h).
#pragma once

#include "dino/data/image_source.h"
#include "dino/data/random_resized_crop.h"

#include <ATen/core/Tensor.h>

#include <array>
#include <functional>
#include <string>
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

// What was drawn for one view (shown by the app's crop preview).
struct CropParameters {
  cv::Rect box;  // in input pixels
  bool flipped = false;
  bool jittered = false;
  double brightness = 1, contrast = 1, saturation = 1, hue = 0;
  std::array<int, 4> jitter_order{0, 1, 2, 3};  // 0 brightness, 1 contrast, 2 saturation, 3 hue
  bool grayscale = false;
  double blur_sigma = 0;  // 0: not blurred
  bool solarized = false;
};

struct ImageCrops {
  std::vector<cv::Mat> crops;  // 8-bit RGB: global 1, global 2, local 1..N
  std::vector<CropParameters> parameters;
};

// The crops of one image, drawn from `rng`.
ImageCrops make_crops(const cv::Mat& rgb, const MultiCropOptions& options, std::mt19937_64& rng);
// One view: crop, resize to `size`, then the photometric steps of view `view_index`
// (0, 1: the global crops, 2+: local crops).
cv::Mat make_view(const cv::Mat& rgb, int size, Range scale, int view_index, std::mt19937_64& rng,
                  CropParameters& parameters);

// Each sample's generator is seeded from (seed, epoch, index) alone, so a batch does not depend on
// thread count or order.
std::mt19937_64 sample_generator(uint64_t seed, int64_t epoch, int64_t index);

// Image `index` of the data set, or when it cannot be decoded the next index that can
// (deterministically); `on_broken` hears of each failure and `*used` says which index was read.
// Throws std::runtime_error when no image of the data set decodes.
cv::Mat decodable_image(const ImageSource& source, int64_t index, int64_t* used,
                        const std::function<void(int64_t, const std::string&)>& on_broken = {});

// Fills sample `b` of every crop tensor from data set index `index` (decodable_image's substitute
// for a broken file, with the crops still drawn from `index`'s generator). Returns the index used.
int64_t fill_multi_crop_sample(const ImageSource& source, int64_t index, const MultiCropOptions& options, uint64_t seed,
                               int64_t epoch, std::vector<at::Tensor>& crops, int64_t b,
                               const std::function<void(int64_t, const std::string&)>& on_broken = {});

// Uninitialised crop-major batch tensors, each (batch, 3, S, S) float; page-locked with pin_memory.
std::vector<at::Tensor> allocate_crop_batch(const MultiCropOptions& options, int64_t batch, bool pin_memory = false);

// 2 + N tensors, crop-major, each (B, 3, S, S), normalised with the ImageNet mean and std.
std::vector<at::Tensor> make_multi_crop_batch(const ImageSource& source, const std::vector<int64_t>& indices,
                                              const MultiCropOptions& options, uint64_t seed, int64_t epoch);

// Writes an 8-bit RGB image into a (3, H, W) float buffer as ToTensor + Normalize do.
void write_normalized_chw(const cv::Mat& rgb, float* destination);

}  // namespace dino
