// Multi-crop sampling: the RandomResizedCrop law (reference.md §1.3), its fallback, determinism across
// thread counts, and the ToTensor + Normalize arithmetic.
#include <dino/data/idx_dataset.h>
#include <dino/data/multi_crop.h>

#include <ATen/Parallel.h>
#include <QtTest>
#include <torch/torch.h>

#include <cmath>

using namespace dino;

class TestMultiCrop : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void cropAreasAndRatiosFollowTheSamplingLaw() {
    // On 1000 x 1000 with scale (0.05, 0.4) no draw is ever rejected (the longest side is at most
    // sqrt(0.4e6 * 4/3) = 730), so area / 1e6 ~ U(0.05, 0.4) and log(w/h) ~ U(log 3/4, log 4/3).
    std::mt19937_64 rng(7);
    const int n = 20000;
    int below = 0;
    double area_sum = 0, log_ratio_sum = 0, log_ratio_sq = 0;
    for (int i = 0; i < n; ++i) {
      const auto box = sample_resized_crop(1000, 1000, {0.05, 0.4}, rng);
      QVERIFY(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1000 && box.y + box.height <= 1000);
      const double area = box.area() / 1e6;
      area_sum += area;
      below += area < 0.1;
      const double r = std::log(static_cast<double>(box.width) / box.height);
      log_ratio_sum += r;
      log_ratio_sq += r * r;
    }
    // Means within ~5 standard errors; rounding to whole pixels shifts them far less.
    QVERIFY(std::abs(area_sum / n - 0.225) < 5 * 0.101 / std::sqrt(n));
    QVERIFY(std::abs(static_cast<double>(below) / n - 0.05 / 0.35) < 5 * 0.35 / std::sqrt(n));
    QVERIFY(std::abs(log_ratio_sum / n) < 5 * 0.166 / std::sqrt(n));
    const double range = std::log(4.0 / 3.0) - std::log(3.0 / 4.0);
    QVERIFY(std::abs(log_ratio_sq / n - range * range / 12) < 0.002);
  }

  void impossibleScaleFallsBackToTheCentreCrop() {
    std::mt19937_64 rng(1);
    // Scale above 1 is never accepted; a 100 x 400 (W x H) image has ratio 0.25 < 3/4, so the
    // fallback keeps the width and takes h = round(100 / 0.75) = 133, centred: y = (400 - 133) / 2.
    QCOMPARE(sample_resized_crop(100, 400, {2.0, 3.0}, rng), cv::Rect(0, 133, 100, 133));
    QCOMPARE(sample_resized_crop(400, 100, {2.0, 3.0}, rng), cv::Rect(133, 0, 133, 100));
    QCOMPARE(sample_resized_crop(120, 100, {2.0, 3.0}, rng), cv::Rect(0, 0, 120, 100));
  }

  void normalisationArithmetic() {
    cv::Mat pixel(1, 1, CV_8UC3, cv::Scalar(255, 0, 128));
    float out[3];
    write_normalized_chw(pixel, out);
    QVERIFY(std::abs(out[0] - (1.0 - 0.485) / 0.229) < 1e-5);
    QVERIFY(std::abs(out[1] - (0.0 - 0.456) / 0.224) < 1e-5);
    QVERIFY(std::abs(out[2] - (128.0 / 255.0 - 0.406) / 0.225) < 1e-5);
    // Every value in every channel, over rows long enough for the vector paths and their tails:
    // bit for bit what torchvision's ToTensor and Normalize compute with torch's own kernels.
    cv::Mat all(3, 259, CV_8UC3);
    for (int y = 0; y < all.rows; ++y)
      for (int x = 0; x < all.cols; ++x) all.at<cv::Vec3b>(y, x) = cv::Vec3b(x & 255, (x + 85 * y) & 255, (255 - x) & 255);
    auto mine = torch::empty({3, all.rows, all.cols});
    write_normalized_chw(all, mine.data_ptr<float>());
    const auto hwc = torch::from_blob(all.data, {all.rows, all.cols, 3}, torch::kUInt8);
    const auto expected = hwc.permute({2, 0, 1}).to(torch::kFloat).div(255)
                              .sub(torch::tensor({0.485f, 0.456f, 0.406f}).view({3, 1, 1}))
                              .div(torch::tensor({0.229f, 0.224f, 0.225f}).view({3, 1, 1}));
    QVERIFY(torch::equal(mine, expected));
  }

  void batchesAreCropMajorAndReproducible() {
    auto data = read_mnist_split(kFashionMnistDir, "t10k");
    QCOMPARE(data.images.sizes().vec(), (std::vector<int64_t>{10000, 28, 28}));
    QCOMPARE(torch::bincount(data.labels).min().item<int64_t>(), int64_t{1000});  // 1,000 per class
    IdxImageSource source(data, 64);
    MultiCropOptions options;
    options.global_crops_size = 28;
    options.local_crops_size = 12;
    options.local_crops_number = 3;
    const std::vector<int64_t> indices{5, 9, 1, 33, 60};
    const int threads = at::get_num_threads();
    at::set_num_threads(1);
    auto one = make_multi_crop_batch(source, indices, options, 42, 3);
    at::set_num_threads(std::max(2, threads));
    auto many = make_multi_crop_batch(source, indices, options, 42, 3);
    at::set_num_threads(threads);
    QCOMPARE(one.size(), size_t{5});
    QCOMPARE(one[0].sizes().vec(), (std::vector<int64_t>{5, 3, 28, 28}));
    QCOMPARE(one[4].sizes().vec(), (std::vector<int64_t>{5, 3, 12, 12}));
    for (size_t i = 0; i < one.size(); ++i) QVERIFY(torch::equal(one[i], many[i]));
    auto next_epoch = make_multi_crop_batch(source, indices, options, 42, 4);
    QVERIFY(!torch::equal(one[0], next_epoch[0]));
    // A sample's crops depend on its index, not its position in the batch.
    auto alone = make_multi_crop_batch(source, {33}, options, 42, 3);
    QVERIFY(torch::equal(alone[2][0], one[2][3]));
  }
};

QTEST_GUILESS_MAIN(TestMultiCrop)
#include "test_multi_crop.moc"
