#include "dino/viz/attention_images.h"

#include "dino/io/atomic_file.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

namespace dino {

ColorMap parse_color_map(const std::string& name) {
  if (name == "viridis") return ColorMap::Viridis;
  if (name == "inferno") return ColorMap::Inferno;
  if (name == "magma") return ColorMap::Magma;
  if (name == "jet") return ColorMap::Jet;
  if (name == "gray") return ColorMap::Gray;
  throw std::invalid_argument("colour map " + name + ": choose viridis, inferno, magma, jet or gray");
}

cv::Mat upsample_nearest(const at::Tensor& map, int scale) {
  TORCH_CHECK(map.dim() == 2, "a map must be (h, w)");
  const auto contiguous = map.contiguous();
  cv::Mat small;
  if (contiguous.scalar_type() == torch::kUInt8)
    small = cv::Mat(static_cast<int>(map.size(0)), static_cast<int>(map.size(1)), CV_8U, contiguous.data_ptr()).clone();
  else
    small = cv::Mat(static_cast<int>(map.size(0)), static_cast<int>(map.size(1)), CV_32F,
                    contiguous.to(torch::kFloat).contiguous().data_ptr())
                .clone();
  if (scale <= 1) return small;
  cv::Mat big;
  cv::resize(small, big, cv::Size(small.cols * scale, small.rows * scale), 0, 0, cv::INTER_NEAREST);
  return big;
}

cv::Mat colorize_map(const at::Tensor& map, ColorMap color_map, int scale, double vmin, double vmax) {
  const cv::Mat values = upsample_nearest(map.to(torch::kFloat), scale);
  double low = vmin, high = vmax;
  if (std::isnan(low) || std::isnan(high)) cv::minMaxLoc(values, std::isnan(low) ? &low : nullptr, std::isnan(high) ? &high : nullptr);
  cv::Mat index(values.size(), CV_8U);
  const double range = high > low ? high - low : 1.0;
  for (int y = 0; y < values.rows; ++y) {
    const float* in = values.ptr<float>(y);
    auto* out = index.ptr<uchar>(y);
    for (int x = 0; x < values.cols; ++x) {
      const double t = std::clamp((in[x] - low) / range, 0.0, 1.0);
      out[x] = static_cast<uchar>(std::min(255.0, std::floor(t * 256.0)));
    }
  }
  cv::Mat bgr;
  if (color_map == ColorMap::Gray) {
    cv::cvtColor(index, bgr, cv::COLOR_GRAY2BGR);
  } else {
    const int cv_map = color_map == ColorMap::Viridis  ? cv::COLORMAP_VIRIDIS
                       : color_map == ColorMap::Inferno ? cv::COLORMAP_INFERNO
                       : color_map == ColorMap::Magma   ? cv::COLORMAP_MAGMA
                                                        : cv::COLORMAP_JET;
    cv::applyColorMap(index, bgr, cv_map);
  }
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  return rgb;
}

cv::Mat colorize_difference(const at::Tensor& map, int scale) {
  const cv::Mat values = upsample_nearest(map.to(torch::kFloat), scale);
  double low = 0, high = 0;
  cv::minMaxLoc(values, &low, &high);
  const double extent = std::max({std::abs(low), std::abs(high), 1e-12});
  cv::Mat rgb(values.size(), CV_8UC3);
  for (int y = 0; y < values.rows; ++y) {
    const float* in = values.ptr<float>(y);
    auto* out = rgb.ptr<cv::Vec3b>(y);
    for (int x = 0; x < values.cols; ++x) {
      const double t = std::clamp(in[x] / extent, -1.0, 1.0);
      const auto fade = static_cast<uchar>(std::lround(255 * (1 - std::abs(t))));
      out[x] = t >= 0 ? cv::Vec3b(255, fade, fade) : cv::Vec3b(fade, fade, 255);
    }
  }
  return rgb;
}

cv::Mat heads_figure(const cv::Mat& rgb, const std::vector<cv::Mat>& masks) {
  // Colour-blind-safe colours (Okabe and Ito), one per head, repeating after eight.
  static const cv::Scalar colours[] = {{230, 159, 0},  {86, 180, 233}, {0, 158, 115}, {240, 228, 66},
                                       {0, 114, 178},  {213, 94, 0},   {204, 121, 167}, {0, 0, 0}};
  cv::Mat out = rgb.clone();
  for (size_t i = 0; i < masks.size(); ++i) out = mask_overlay(out, masks[i], colours[i % 8]);
  return out;
}

cv::Mat normalized_input_image(const at::Tensor& image_chw) {
  TORCH_CHECK(image_chw.dim() == 3 && image_chw.size(0) == 3, "expected a (3, H, W) image");
  auto x = image_chw.to(torch::kFloat);
  const double low = x.min().item<double>(), high = x.max().item<double>();
  x = (x - low) / std::max(high - low, 1e-5);  // make_grid(normalize=True, scale_each=True)
  // save_image: mul(255).add_(0.5).clamp_(0, 255) then to uint8 (truncation).
  const auto bytes = x.mul(255).add(0.5).clamp(0, 255).to(torch::kUInt8).permute({1, 2, 0}).contiguous();
  return cv::Mat(static_cast<int>(bytes.size(0)), static_cast<int>(bytes.size(1)), CV_8UC3, bytes.data_ptr()).clone();
}

cv::Mat mask_overlay(const cv::Mat& rgb, const cv::Mat& mask, const cv::Scalar& colour, double alpha, bool contours) {
  CV_Assert(rgb.type() == CV_8UC3 && mask.type() == CV_8U && mask.size() == rgb.size());
  cv::Mat out(rgb.size(), CV_8UC3);
  for (int y = 0; y < rgb.rows; ++y) {
    const auto* in = rgb.ptr<cv::Vec3b>(y);
    const auto* m = mask.ptr<uchar>(y);
    auto* o = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < rgb.cols; ++x) {
      const double a = m[x] ? alpha : 0.0;
      // Truncated, as the reference computes in a uint32 array.
      for (int c = 0; c < 3; ++c) o[x][c] = static_cast<uchar>(std::clamp(in[x][c] * (1 - a) + a * colour[c], 0.0, 255.0));
    }
  }
  if (contours) {
    // Zero padding, as the reference pads before find_contours, so masks touching the border close.
    cv::Mat padded;
    cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    std::vector<std::vector<cv::Point>> found;
    cv::findContours(padded, found, cv::RETR_LIST, cv::CHAIN_APPROX_NONE, cv::Point(-1, -1));
    cv::polylines(out, found, true, colour, 1, cv::LINE_8);
  }
  return out;
}

void write_png(const std::filesystem::path& file, const cv::Mat& rgb) {
  cv::Mat bgr;
  if (rgb.channels() == 3)
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  else
    bgr = rgb;
  std::vector<uchar> bytes;
  if (!cv::imencode(".png", bgr, bytes)) throw std::runtime_error(file.string() + ": cannot encode the image as PNG");
  io::write_atomically(file, [&](std::ostream& out) { out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())); });
}

}  // namespace dino
