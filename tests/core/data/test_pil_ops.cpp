// Pillow's operations: hand-computed pixels from Pillow's definitions, and the whole image against
// Pillow itself (run through tests/python/reference_dino.py), within one grey level; the comparisons
// with Pillow run once per SIMD level of the pixel loops, and every level must give the bytes of the
// baseline loops.
#include "pil_hsv.h"  // core/src/data: the HSV to RGB half of the hue shift
#include "python_reference.h"
#include "simd_levels.h"

#include <dino/data/pil_ops.h>
#include <dino/data/pil_resample.h>
#include <dino/data/pil_thumbnail.h>

#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace dino;

namespace {

cv::Mat pixel(int r, int g, int b) { return cv::Mat(1, 1, CV_8UC3, cv::Scalar(r, g, b)); }
cv::Vec3b pixel_at(const cv::Mat& m, int x = 0) { return m.at<cv::Vec3b>(0, x); }

cv::Mat read_rgb(const QString& file) {
  cv::Mat bgr = cv::imread(file.toStdString(), cv::IMREAD_COLOR);
  cv::Mat rgb;
  if (!bgr.empty()) cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  return rgb;
}

}  // namespace

class TestPilOps : public QObject {
  Q_OBJECT

  // Pillow's outputs, made once by the reference script for every SIMD level's rows.
  QTemporaryDir reference_;
  cv::Mat image_;  // the photograph-like input of the "pil-ops" outputs

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(reference_.isValid());
    auto hue = dino::test::run_reference_script({"hue-all-colours", reference_.path()});
    QVERIFY2(hue.ok, qPrintable(hue.error));
    // A photograph-like test image: smooth colour fields with texture.
    cv::Mat noise(83, 97, CV_8UC3);
    cv::randu(noise, 0, 256);
    cv::GaussianBlur(noise, image_, cv::Size(0, 0), 3.0);
    cv::normalize(image_, image_, 0, 255, cv::NORM_MINMAX);
    image_ += noise / 8;
    const QString input = reference_.filePath("input.png");
    cv::Mat bgr;
    cv::cvtColor(image_, bgr, cv::COLOR_RGB2BGR);
    QVERIFY(cv::imwrite(input.toStdString(), bgr));
    auto ops = dino::test::run_reference_script({"pil-ops", input, reference_.path()});
    QVERIFY2(ops.ok, qPrintable(ops.error));
  }

  void brightnessTruncates() {
    auto m = pixel(101, 250, 0);
    pil_adjust_brightness(m, 0.7);  // 70.7 -> 70, 175 -> 175
    QCOMPARE(pixel_at(m), cv::Vec3b(70, 175, 0));
    auto bright = pixel(100, 250, 1);
    pil_adjust_brightness(bright, 1.2);  // 120, 300 clips to 255, 1.2 -> 1
    QCOMPARE(pixel_at(bright), cv::Vec3b(120, 255, 1));
  }

  void contrastBlendsWithTheRoundedMeanLuma() {
    // Two pixels: luma of (200,200,200) is 200 and of (0,0,0) is 0, mean 100 exactly.
    cv::Mat m(1, 2, CV_8UC3);
    m.at<cv::Vec3b>(0, 0) = cv::Vec3b(200, 200, 200);
    m.at<cv::Vec3b>(0, 1) = cv::Vec3b(0, 0, 0);
    pil_adjust_contrast(m, 0.5);  // 100 + 0.5 (200 - 100) = 150, 100 + 0.5 (0 - 100) = 50
    QCOMPARE(pixel_at(m, 0), cv::Vec3b(150, 150, 150));
    QCOMPARE(pixel_at(m, 1), cv::Vec3b(50, 50, 50));
  }

  void grayscaleUsesPillowsFixedPointLuma() {
    // (10*19595 + 200*38470 + 30*7471 + 32768) >> 16 = 8146848 >> 16 = 124
    auto m = pixel(10, 200, 30);
    pil_grayscale(m);
    QCOMPARE(pixel_at(m), cv::Vec3b(124, 124, 124));
    auto s = pixel(10, 200, 30);
    pil_adjust_saturation(s, 0.0);  // all the way to the grey image
    QCOMPARE(pixel_at(s), cv::Vec3b(124, 124, 124));
  }

  void hueShiftsPillowsHsv() {
    // Pure red: H 0, S 255, V 255. A shift of uint8(0.1 * 255) = 25 gives H 25:
    // i = floor(25 * 6 / 255) = 0, f = 0.588, t = round(255 * f) = 150 -> (255, 150, 0).
    auto m = pixel(255, 0, 0);
    pil_adjust_hue(m, 0.1);
    QCOMPARE(pixel_at(m), cv::Vec3b(255, 150, 0));
    // -0.1: uint8(-25.5) wraps to 231: i = 5, f = 0.435, q = round(255 (1 - f)) = 144 -> (255, 0, 144).
    auto back = pixel(255, 0, 0);
    pil_adjust_hue(back, -0.1);
    QCOMPARE(pixel_at(back), cv::Vec3b(255, 0, 144));
    auto grey = pixel(90, 90, 90);  // no saturation: unchanged
    pil_adjust_hue(grey, 0.1);
    QCOMPARE(pixel_at(grey), cv::Vec3b(90, 90, 90));
  }

  void solarizeInvertsFrom128() {
    auto m = pixel(127, 128, 255);
    pil_solarize(m);
    QCOMPARE(pixel_at(m), cv::Vec3b(127, 127, 0));
  }

  void blurKeepsFlatImagesAndMass() {
    cv::Mat flat(9, 11, CV_8UC3, cv::Scalar(77, 150, 3));
    cv::Mat blurred = flat.clone();
    pil_gaussian_blur(blurred, 1.3);
    QCOMPARE(cv::norm(blurred, flat, cv::NORM_INF), 0.0);
    // A single bright pixel spreads symmetrically and keeps (nearly) its mass.
    cv::Mat dot(21, 21, CV_8UC3, cv::Scalar(0, 0, 0));
    dot.at<cv::Vec3b>(10, 10) = cv::Vec3b(255, 255, 255);
    pil_gaussian_blur(dot, 1.5);
    QCOMPARE(dot.at<cv::Vec3b>(10, 9), dot.at<cv::Vec3b>(10, 11));
    QCOMPARE(dot.at<cv::Vec3b>(9, 10), dot.at<cv::Vec3b>(11, 10));
    QVERIFY(std::abs(cv::sum(dot)[0] - 255.0) < 30.0);
  }

  // The hue shift is exact, not merely within a grey level: every one of the 2^24 colours comes out
  // as Pillow's HSV round trip gives it (the hue table, the float steps and the selects included),
  // and so does the HSV to RGB half on its own for every (H, S, V) triple, which covers every
  // shift, saturation and value the hue shift can pass it.
  void hueIsExactForEveryColour_data() { dino::test::add_simd_level_rows(); }
  void hueIsExactForEveryColour() {
    DINO_USE_SIMD_LEVEL_OR_SKIP();
    const QDir dir(reference_.path());
    cv::Mat all(4096, 4096, CV_8UC3);
    for (int i = 0; i < (1 << 24); ++i) {
      uint8_t* p = all.data + 3 * static_cast<size_t>(i);
      p[0] = static_cast<uint8_t>(i >> 16);
      p[1] = static_cast<uint8_t>(i >> 8);
      p[2] = static_cast<uint8_t>(i);
    }
    const qsizetype values = qsizetype{3} << 24;
    auto differences = [&](const QString& file, const cv::Mat& ours) -> qsizetype {
      QFile npy(dir.filePath(file));
      if (!npy.open(QIODevice::ReadOnly) || npy.size() <= values) return -1;
      const QByteArray bytes = npy.readAll();
      const auto* expected =
          reinterpret_cast<const uint8_t*>(bytes.constData() + bytes.size() - values);  // after the header
      qsizetype different = 0;
      for (qsizetype k = 0; k < values; ++k) different += ours.data[k] != expected[k];
      return different;
    };
    for (const double factor : {-0.1, 0.07}) {
      cv::Mat shifted = all.clone();
      pil_adjust_hue(shifted, factor);
      const qsizetype different = differences(QStringLiteral("hue_%1.npy").arg(factor), shifted);
      QVERIFY2(different == 0, qPrintable(QStringLiteral("factor %1: %2 values differ").arg(factor).arg(different)));
    }
    cv::Mat rgb(4096, 4096, CV_8UC3);
    dino::detail::pil_hsv_to_rgb_row(all.data, rgb.data, 1 << 24);
    const qsizetype different = differences(QStringLiteral("hsv_to_rgb.npy"), rgb);
    QVERIFY2(different == 0, qPrintable(QStringLiteral("HSV to RGB: %1 values differ").arg(different)));
  }

  void matchesPillowWithinOneGreyLevel_data() { dino::test::add_simd_level_rows(); }
  void matchesPillowWithinOneGreyLevel() {
    DINO_USE_SIMD_LEVEL_OR_SKIP();
    const QDir dir(reference_.path());
    auto apply = [&](const QString& name) -> cv::Mat {
      cv::Mat m = image_.clone();
      if (name == "resize_bicubic_down") return pil_resize(m, 37, 29, PilFilter::Bicubic);
      if (name == "resize_bilinear_down") return pil_resize(m, 23, 41, PilFilter::Bilinear);
      if (name == "resize_bicubic_up") return pil_resize(m, 150, 130, PilFilter::Bicubic);
      if (name == "crop_resize") return pil_resize(m(cv::Rect(5, 7, 60, 45)), 32, 32, PilFilter::Bicubic);
      if (name == "resize_lanczos_down") return pil_resize(m, 41, 33, PilFilter::Lanczos);
      if (name == "reduce_3x2") return pil_reduce(m, 3, 2);
      if (name == "thumbnail_portrait_48") return pil_thumbnail(m(cv::Rect(0, 0, 33, 70)).clone(), 48, 48);
      if (name.startsWith("thumbnail_")) {
        const int side = name.section('_', -1).toInt();
        return pil_thumbnail(m, side, side);
      }
      const double value = name.section('_', -1).toDouble();
      if (name.startsWith("brightness"))
        pil_adjust_brightness(m, value);
      else if (name.startsWith("contrast"))
        pil_adjust_contrast(m, value);
      else if (name.startsWith("saturation"))
        pil_adjust_saturation(m, value);
      else if (name.startsWith("hue"))
        pil_adjust_hue(m, value);
      else if (name == "grayscale")
        pil_grayscale(m);
      else if (name.startsWith("blur"))
        pil_gaussian_blur(m, value);
      else if (name == "solarize")
        pil_solarize(m);
      return m;
    };
    const QStringList names{"resize_bicubic_down",
                            "resize_bilinear_down",
                            "resize_bicubic_up",
                            "crop_resize",
                            "brightness_0.6",
                            "brightness_1.4",
                            "contrast_0.6",
                            "contrast_1.4",
                            "saturation_0.8",
                            "saturation_1.2",
                            "hue_-0.1",
                            "hue_0.07",
                            "grayscale",
                            "blur_0.1",
                            "blur_0.7",
                            "blur_2.0",
                            "solarize",
                            "resize_lanczos_down",
                            "reduce_3x2",
                            "thumbnail_20",
                            "thumbnail_12",
                            "thumbnail_200",
                            "thumbnail_portrait_48"};
    for (const auto& name : names) {
      const cv::Mat expected = read_rgb(dir.filePath(name + ".png"));
      const cv::Mat actual = apply(name);
      QVERIFY2(!expected.empty(), qPrintable(name));
      QVERIFY2(expected.size() == actual.size(), qPrintable(name));
      const double worst = cv::norm(expected, actual, cv::NORM_INF);
      QVERIFY2(worst <= 1.0, qPrintable(name + QStringLiteral(": off by ") + QString::number(worst)));
      // The retrieval shrink (Lanczos, reduce, thumbnail) is integer arithmetic throughout: exact.
      const bool exact = name.contains("lanczos") || name.startsWith("reduce") || name.startsWith("thumbnail");
      QVERIFY2(!exact || worst == 0,
               qPrintable(name + QStringLiteral(": not exact, off by ") + QString::number(worst)));
      // Not merely within a grey level of Pillow: the very bytes of the baseline loops.
      const cv::Mat baseline = [&] {
        const dino::test::SimdLevelScope scope(dino::SimdLevel::baseline);
        return apply(name);
      }();
      QVERIFY2(cv::norm(baseline, actual, cv::NORM_INF) == 0,
               qPrintable(name + QStringLiteral(": differs from the baseline loops")));
    }
  }
};

QTEST_GUILESS_MAIN(TestPilOps)
#include "test_pil_ops.moc"
