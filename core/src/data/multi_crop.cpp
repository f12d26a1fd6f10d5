#include "dino/data/multi_crop.h"

#include "dino/data/image_file.h"
#include "dino/data/pil_ops.h"
#include "dino/data/pil_resample.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <array>
#include <opencv2/core.hpp>
#include <torch/torch.h>

namespace dino {
namespace {

// reference.md §1.3: the reference's constants.
constexpr double kFlipProbability = 0.5;
constexpr double kJitterProbability = 0.8;
constexpr double kBrightness = 0.4, kContrast = 0.4, kSaturation = 0.2, kHue = 0.1;
constexpr double kGrayscaleProbability = 0.2;
constexpr double kBlurProbability[3] = {1.0, 0.1, 0.5};  // global 1, global 2, local
constexpr double kBlurSigmaMin = 0.1, kBlurSigmaMax = 2.0;
constexpr double kSolarizeProbability = 0.2;  // global 2 only

double uniform(std::mt19937_64& rng, double low, double high) {
  return std::uniform_real_distribution<double>(low, high)(rng);
}

void color_jitter(cv::Mat& view, std::mt19937_64& rng, CropParameters& p) {
  p.jittered = true;
  std::shuffle(p.jitter_order.begin(), p.jitter_order.end(), rng);
  p.brightness = uniform(rng, 1 - kBrightness, 1 + kBrightness);
  p.contrast = uniform(rng, 1 - kContrast, 1 + kContrast);
  p.saturation = uniform(rng, 1 - kSaturation, 1 + kSaturation);
  p.hue = uniform(rng, -kHue, kHue);
  for (int op : p.jitter_order) {
    switch (op) {
      case 0: pil_adjust_brightness(view, p.brightness); break;
      case 1: pil_adjust_contrast(view, p.contrast); break;
      case 2: pil_adjust_saturation(view, p.saturation); break;
      default: pil_adjust_hue(view, p.hue); break;
    }
  }
}

}  // namespace

cv::Mat make_view(const cv::Mat& rgb, int size, Range scale, int view_index, std::mt19937_64& rng,
                  CropParameters& p) {
  p.box = sample_resized_crop(rgb.cols, rgb.rows, scale, rng);
  // torchvision crops, then resizes: the kernel never reads pixels outside the box (Pillow's
  // resize(box=...) would).
  cv::Mat view = pil_resize(rgb(p.box), size, size, PilFilter::Bicubic);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  p.flipped = u(rng) < kFlipProbability;
  if (p.flipped) cv::flip(view, view, 1);
  if (u(rng) < kJitterProbability) color_jitter(view, rng, p);
  p.grayscale = u(rng) < kGrayscaleProbability;
  if (p.grayscale) pil_grayscale(view);
  // utils.GaussianBlur applies when random() <= p (note <=), so p 1.0 always blurs.
  if (u(rng) <= kBlurProbability[std::min(view_index, 2)]) {
    p.blur_sigma = uniform(rng, kBlurSigmaMin, kBlurSigmaMax);
    pil_gaussian_blur(view, p.blur_sigma);
  }
  if (view_index == 1) {
    p.solarized = u(rng) < kSolarizeProbability;
    if (p.solarized) pil_solarize(view);
  }
  return view;
}

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
    result.crops.push_back(make_view(rgb, global ? options.global_crops_size : options.local_crops_size,
                                     global ? options.global_crops_scale : options.local_crops_scale, i, rng,
                                     result.parameters[static_cast<size_t>(i)]));
  }
  return result;
}

namespace {

// (v / 255 - mean) / std per channel in the float arithmetic of ToTensor + Normalize. An 8-bit
// channel has 256 values, so each is computed once, with the same operations, into a table: the
// per-pixel work is then three lookups instead of two divisions per value (exact by construction).
struct NormalizationTable {
  std::array<std::array<float, 256>, 3> value{};
  NormalizationTable() {
    for (size_t c = 0; c < 3; ++c)
      for (int v = 0; v < 256; ++v)
        value[c][static_cast<size_t>(v)] = (static_cast<float>(v) / 255.0f - kImageNetMean[c]) / kImageNetStd[c];
  }
};

// From interleaved RGB into three planes.
void normalize_row(const uint8_t* rgb, int pixels, float* r, float* g, float* b) {
  static const NormalizationTable table;
  const float* tr = table.value[0].data();
  const float* tg = table.value[1].data();
  const float* tb = table.value[2].data();
  for (int x = 0; x < pixels; ++x) {
    r[x] = tr[rgb[3 * x]];
    g[x] = tg[rgb[3 * x + 1]];
    b[x] = tb[rgb[3 * x + 2]];
  }
}

}  // namespace

void write_normalized_chw(const cv::Mat& rgb, float* destination) {
  const size_t plane = static_cast<size_t>(rgb.rows) * static_cast<size_t>(rgb.cols);
  for (int y = 0; y < rgb.rows; ++y) {
    const size_t offset = static_cast<size_t>(y) * static_cast<size_t>(rgb.cols);
    normalize_row(rgb.ptr<uint8_t>(y), rgb.cols, destination + offset, destination + plane + offset, destination + 2 * plane + offset);
  }
}

cv::Mat decodable_image(const ImageSource& source, int64_t index, int64_t* used,
                        const std::function<void(int64_t, const std::string&)>& on_broken) {
  const int64_t n = source.size();
  for (int64_t attempt = 0; attempt < n; ++attempt) {
    const int64_t candidate = (index + attempt) % n;
    try {
      cv::Mat rgb = source.rgb(candidate);
      if (used) *used = candidate;
      return rgb;
    } catch (const ImageReadError& e) {
      if (on_broken) on_broken(candidate, e.what());
    }
  }
  throw std::runtime_error("none of the " + std::to_string(n) + " images of the data set can be decoded");
}

int64_t fill_multi_crop_sample(const ImageSource& source, int64_t index, const MultiCropOptions& options, uint64_t seed,
                               int64_t epoch, std::vector<at::Tensor>& crops, int64_t b,
                               const std::function<void(int64_t, const std::string&)>& on_broken) {
  int64_t used = index;
  const cv::Mat rgb = decodable_image(source, index, &used, on_broken);
  // The crops depend on the requested index, so a substitute does not change other samples.
  auto rng = sample_generator(seed, epoch, index);
  const ImageCrops views = make_crops(rgb, options, rng);
  for (size_t i = 0; i < views.crops.size(); ++i)
    write_normalized_chw(views.crops[i], crops[i].data_ptr<float>() + b * crops[i].stride(0));
  return used;
}

std::vector<at::Tensor> allocate_crop_batch(const MultiCropOptions& options, int64_t batch, bool pin_memory) {
  const auto tensor_options = torch::TensorOptions().dtype(torch::kFloat).pinned_memory(pin_memory);
  std::vector<at::Tensor> crops;
  for (int i = 0; i < options.crops(); ++i) {
    const int side = i < 2 ? options.global_crops_size : options.local_crops_size;
    crops.push_back(torch::empty({batch, 3, side, side}, tensor_options));
  }
  return crops;
}

std::vector<at::Tensor> make_multi_crop_batch(const ImageSource& source, const std::vector<int64_t>& indices,
                                              const MultiCropOptions& options, uint64_t seed, int64_t epoch) {
  const auto batch = static_cast<int64_t>(indices.size());
  auto crops = allocate_crop_batch(options, batch);
  at::parallel_for(0, batch, 1, [&](int64_t begin, int64_t end) {
    for (int64_t b = begin; b < end; ++b)
      fill_multi_crop_sample(source, indices[static_cast<size_t>(b)], options, seed, epoch, crops, b);
  });
  return crops;
}

}  // namespace dino
