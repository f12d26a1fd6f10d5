// Pillow-style resampling against values worked out by hand from Pillow's definitions
// (Resample.c: kernel support widened by the shrink factor, 22-bit fixed-point weights, rounding
// by adding half before the shift).
#include "simd_dispatch.h"  // core/src/data: which copy of a pixel loop runs
#include "simd_levels.h"
#include "transpose_rgb.h"  // core/src/data: the transposes around the horizontal passes

#include <dino/data/pil_resample.h>

#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace dino;

namespace {

DINO_PIXEL_LOOP
void add_one_loop(uint8_t* values, int n) {
  for (int i = 0; i < n; ++i) ++values[i];
}

cv::Mat row(std::initializer_list<int> values) {
  cv::Mat m(1, static_cast<int>(values.size()), CV_8UC1);
  int i = 0;
  for (int v : values) m.at<uint8_t>(0, i++) = static_cast<uint8_t>(v);
  return m;
}
std::vector<int> values(const cv::Mat& m) {
  std::vector<int> out;
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols * m.channels(); ++c) out.push_back(m.ptr<uint8_t>(r)[c]);
  return out;
}

// Pillow's resampling written out pixel by pixel (Resample.c: precompute_coeffs, then
// ImagingResampleHorizontal_8bpc and ImagingResampleVertical_8bpc), with none of the product's
// transposes, row sums or vector paths: the independent path the exactness test compares with.
cv::Mat pillow_resample_by_pixel(const cv::Mat& in, int out_width, int out_height) {
  auto coefficients = [](int in_size, int out_size, std::vector<int>& first, std::vector<int>& count,
                         std::vector<std::vector<int32_t>>& weights) {
    const double scale = static_cast<double>(in_size) / out_size, filter_scale = std::max(scale, 1.0);
    const double support = 2.0 * filter_scale;
    auto cubic = [](double x) {
      x = std::abs(x);
      return x < 1 ? (1.5 * x - 2.5) * x * x + 1 : x < 2 ? ((-0.5 * x + 2.5) * x - 4) * x + 2 : 0.0;
    };
    for (int o = 0; o < out_size; ++o) {
      const double center = (o + 0.5) * scale;
      const int lo = std::max(static_cast<int>(center - support + 0.5), 0);
      const int hi = std::min(static_cast<int>(center + support + 0.5), in_size);
      std::vector<double> w;
      double total = 0;
      for (int x = lo; x < hi; ++x) total += w.emplace_back(cubic((x - center + 0.5) / filter_scale));
      std::vector<int32_t> fixed;
      for (double v : w) {
        const double n = total != 0 ? v / total : v;
        fixed.push_back(static_cast<int32_t>(n * (1 << 22) + (n < 0 ? -0.5 : 0.5)));
      }
      first.push_back(lo);
      count.push_back(hi - lo);
      weights.push_back(fixed);
    }
  };
  auto clip = [](int32_t v) { return static_cast<uint8_t>(v < 0 ? 0 : (v >> 22) > 255 ? 255 : v >> 22); };
  cv::Mat between(in.rows, out_width, CV_8UC3), out(out_height, out_width, CV_8UC3);
  std::vector<int> first, count;
  std::vector<std::vector<int32_t>> weights;
  coefficients(in.cols, out_width, first, count, weights);
  for (int y = 0; y < in.rows; ++y)
    for (int x = 0; x < out_width; ++x)
      for (int c = 0; c < 3; ++c) {
        int32_t sum = 1 << 21;
        for (int k = 0; k < count[x]; ++k) sum += in.at<cv::Vec3b>(y, first[x] + k)[c] * weights[x][k];
        between.at<cv::Vec3b>(y, x)[c] = clip(sum);
      }
  first.clear(), count.clear(), weights.clear();
  coefficients(in.rows, out_height, first, count, weights);
  for (int y = 0; y < out_height; ++y)
    for (int x = 0; x < out_width; ++x)
      for (int c = 0; c < 3; ++c) {
        int32_t sum = 1 << 21;
        for (int k = 0; k < count[y]; ++k) sum += between.at<cv::Vec3b>(first[y] + k, x)[c] * weights[y][k];
        out.at<cv::Vec3b>(y, x)[c] = clip(sum);
      }
  return out;
}
}  // namespace

class TestPilResample : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void bilinearShrinkWidensTheKernel() {
    // 4 -> 2: scale 2, support 2. Output 0 reads inputs 0..2 with weights (.75, .75, .25)/1.75:
    // (0*3 + 100*3 + 200)/7 = 71.4 -> 71. Output 1 reads 1..3 with (.25, .75, .75)/1.75:
    // (25 + 150 + 191.25)/1.75 = 209.3 -> 209. Without antialiasing it would be (50, 227).
    QCOMPARE(values(pil_resize(row({0, 100, 200, 255}), 2, 1, PilFilter::Bilinear)), (std::vector<int>{71, 209}));
  }

  void bilinearEnlarge() {
    // 2 -> 4: centres 0.25, 0.75, 1.25, 1.75; weights (1), (.75,.25), (.25,.75), (1):
    // 0, 63.75 + 0.5 -> 64, 191.25 -> 191, 255.
    QCOMPARE(values(pil_resize(row({0, 255}), 4, 1, PilFilter::Bilinear)), (std::vector<int>{0, 64, 191, 255}));
  }

  void bicubicUsesMinusHalfKernel() {
    // 2 -> 4 bicubic, a = -0.5. Output 1 (centre 0.75) reads inputs 0, 1 at distances .25 and .75:
    // k(.25) = 1.5*.015625 - 2.5*.0625 + 1 = 0.867188, k(.75) = 1.5*.421875 - 2.5*.5625 + 1 = 0.226563,
    // normalised by 1.09375: 255 * 0.207143 = 52.82 -> 53 (a = -0.75 would give 59). Output 0
    // (centre 0.25) weighs input 1 by k(1.25) = -0.0703 against k(.25): 255 * -0.088 clips to 0.
    auto out = values(pil_resize(row({0, 255}), 4, 1, PilFilter::Bicubic));
    QCOMPARE(out[0], 0);
    QCOMPARE(out[1], 53);
    QCOMPARE(out[2], 202);  // symmetric: 255 - 53
    QCOMPARE(out[3], 255);
  }

  void overshootIsClipped() {
    // Bicubic's negative lobes overshoot at a step edge; results stay within 0..255.
    auto out = values(pil_resize(row({0, 0, 255, 255, 0, 0, 255, 255}), 7, 1, PilFilter::Bicubic));
    for (int v : out) QVERIFY(v >= 0 && v <= 255);
  }

  void sameSizeIsACopyAndChannelsStaySeparate() {
    cv::Mat rgb(3, 5, CV_8UC3, cv::Scalar(10, 20, 30));
    auto same = pil_resize(rgb, 5, 3, PilFilter::Bicubic);
    QCOMPARE(values(same), values(rgb));
    auto smaller = pil_resize(rgb, 2, 2, PilFilter::Bilinear);
    QCOMPARE(smaller.type(), CV_8UC3);
    QCOMPARE(values(smaller), (std::vector<int>{10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30}));
  }

  void boxSelectsTheSourceRegion() {
    // Resizing the box (1, 0, 2, 1) of a 4-pixel row to 2 pixels is a plain copy of its pixels.
    auto out = values(pil_resize(row({5, 100, 200, 7}), 2, 1, PilFilter::Bilinear, cv::Rect2d(1, 0, 2, 1)));
    QCOMPARE(out, (std::vector<int>{100, 200}));
  }

  // The block transpose against OpenCV's on sizes around its 4 x 4 blocks, whole images and
  // views into larger ones (rows that do not follow each other in memory), and an image whose
  // last pixel ends its buffer; at every SIMD level (the baseline level takes OpenCV's own).
  void rgbTransposeMatchesOpenCv_data() { dino::test::add_simd_level_rows(); }
  void rgbTransposeMatchesOpenCv() {
    DINO_USE_SIMD_LEVEL_OR_SKIP();
    cv::RNG rng(7);
    for (int trial = 0; trial < 200; ++trial) {
      const int rows = rng.uniform(1, 41), cols = rng.uniform(1, 41);
      cv::Mat larger(rows + 3, cols + 5, CV_8UC3);
      rng.fill(larger, cv::RNG::UNIFORM, 0, 256);
      const cv::Mat in = trial % 2 ? larger(cv::Rect(2, 1, cols, rows)) : larger(cv::Rect(0, 0, cols, rows)).clone();
      cv::Mat expected, ours(cols, rows, CV_8UC3);
      cv::transpose(in, expected);
      dino::detail::transpose_rgb(in, ours);
      QVERIFY2(cv::norm(expected, ours, cv::NORM_INF) == 0, qPrintable(QStringLiteral("%1 x %2").arg(rows).arg(cols)));
    }
  }

  // Each SIMD level runs its own copy of the loops (the byte-for-byte checks at every level below
  // would pass unchanged if every level ran the baseline's: this is what tells them apart), and
  // the copies are distinct functions.
  void everyLevelRunsItsOwnCopy() {
#if DINO_SIMD_COPIES
    using dino::SimdLevel;
    using dino::detail::PixelLoopCopy;
    QCOMPARE(dino::detail::pixel_loop_copy(SimdLevel::baseline), PixelLoopCopy::baseline);
    QCOMPARE(dino::detail::pixel_loop_copy(SimdLevel::avx2), PixelLoopCopy::x86_64_v3);
    QCOMPARE(dino::detail::pixel_loop_copy(SimdLevel::avx512), PixelLoopCopy::x86_64_v4);
    QCOMPARE(dino::detail::pixel_loop_copy(SimdLevel::avx512_vnni), PixelLoopCopy::x86_64_v4);
    const auto v4 = &dino::detail::pixel_loop_x86_64_v4<add_one_loop, false, uint8_t*, int>;
    const auto v3 = &dino::detail::pixel_loop_x86_64_v3<add_one_loop, false, uint8_t*, int>;
    const auto v1 = &dino::detail::pixel_loop_baseline<add_one_loop, false, uint8_t*, int>;
    QVERIFY(v4 != v3 && v3 != v1 && v4 != v1);
#else
    QSKIP("this compiler builds one copy of the pixel loops");
#endif
  }

  // Bicubic resizes of random RGB images, shrinking and enlarging in both directions, byte for
  // byte against the pixel-by-pixel transcription above: the row sums (each SIMD level's copy of
  // the loops, and the AVX-512 VNNI sums at level avx512_vnni) and the transposes around them
  // change nothing.
  void bicubicMatchesPillowsLoopsExactly_data() { dino::test::add_simd_level_rows(); }
  void bicubicMatchesPillowsLoopsExactly() {
    DINO_USE_SIMD_LEVEL_OR_SKIP();
    cv::RNG rng(11);
    for (int trial = 0; trial < 40; ++trial) {
      const int rows = rng.uniform(1, 160), cols = rng.uniform(1, 160);
      const int out_height = rng.uniform(1, 120), out_width = rng.uniform(1, 120);
      cv::Mat in(rows, cols, CV_8UC3);
      rng.fill(in, cv::RNG::UNIFORM, 0, 256);
      const cv::Mat expected = pillow_resample_by_pixel(in, out_width, out_height);
      const cv::Mat ours = pil_resize(in, out_width, out_height, PilFilter::Bicubic);
      QVERIFY2(cv::norm(expected, ours, cv::NORM_INF) == 0,
               qPrintable(QStringLiteral("%1 x %2 to %3 x %4").arg(cols).arg(rows).arg(out_width).arg(out_height)));
    }
  }
};

QTEST_GUILESS_MAIN(TestPilResample)
#include "test_pil_resample.moc"
