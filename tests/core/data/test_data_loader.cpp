// Data sets from files and the multi-crop loader: folder layouts, broken files, EXIF orientation,
// JPEG decoding,
// the sampler's order, determinism across worker counts, prompt stops, augmentation frequencies.
#include "python_reference.h"

#include "jpeg_rgb.h"  // core/src/data: the JPEG fast path, checked against OpenCV

#include <dino/data/data_loader.h>
#include <dino/data/file_image_source.h>
#include <dino/data/image_file.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <set>

using namespace dino;

namespace {

std::string file_in(const QTemporaryDir& dir, const QString& name) { return dir.filePath(name).toStdString(); }

void write_image(const std::string& file, int width, int height, int seed) {
  cv::Mat m(height, width, CV_8UC3);
  cv::theRNG().state = static_cast<uint64_t>(seed);
  cv::randu(m, 0, 256);
  QVERIFY(cv::imwrite(file, m));
}

void write_bytes(const std::string& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

// Crops that fit Fashion-MNIST's 28 px images: 2 x 28 + 2 x 12.
MultiCropOptions fashion_mnist_crops() {
  MultiCropOptions crops;
  crops.global_crops_size = 28;
  crops.local_crops_size = 12;
  crops.local_crops_number = 2;
  return crops;
}

// Counts the images the loader asks for; once closed, a read waits at the gate until it opens.
class GatedSource : public ImageSource {
 public:
  explicit GatedSource(std::shared_ptr<const ImageSource> inner) : inner_(std::move(inner)) {}
  int64_t size() const override { return inner_->size(); }
  cv::Mat rgb(int64_t index) const override {
    {
      std::unique_lock lock(mutex_);
      ++reads_;
      ++waiting_;
      opened_.wait(lock, [this] { return open_; });
      --waiting_;
    }
    return inner_->rgb(index);
  }
  int64_t label(int64_t index) const override { return inner_->label(index); }
  int64_t num_classes() const override { return inner_->num_classes(); }

  void set_open(bool open) {
    {
      std::lock_guard lock(mutex_);
      open_ = open;
    }
    opened_.notify_all();
  }
  int64_t reads() const {
    std::lock_guard lock(mutex_);
    return reads_;
  }
  int waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
  }

 private:
  std::shared_ptr<const ImageSource> inner_;
  mutable std::mutex mutex_;
  mutable std::condition_variable opened_;
  bool open_ = true;
  mutable int64_t reads_ = 0;
  mutable int waiting_ = 0;
};

int thread_count() { return QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(); }

// A JPEG with an EXIF APP1 segment saying "rotate 90 degrees clockwise to display" (orientation 6).
std::string jpeg_with_orientation(const cv::Mat& bgr, uint16_t orientation) {
  std::vector<uchar> jpeg;
  cv::imencode(".jpg", bgr, jpeg);
  std::string tiff("II*\0\x08\0\0\0", 8);                      // little-endian TIFF, IFD at 8
  tiff += std::string("\x01\0", 2);                              // one entry
  tiff += std::string("\x12\x01\x03\0\x01\0\0\0", 8);           // tag 0x0112, SHORT, count 1
  tiff += static_cast<char>(orientation & 0xff);
  tiff += std::string("\0\0\0", 3);
  tiff += std::string("\0\0\0\0", 4);                            // no next IFD
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const size_t length = payload.size() + 2;
  std::string app1 = "\xFF\xE1";
  app1 += static_cast<char>(length >> 8);
  app1 += static_cast<char>(length & 0xff);
  app1 += payload;
  std::string bytes(jpeg.begin(), jpeg.end());
  return bytes.substr(0, 2) + app1 + bytes.substr(2);
}

}  // namespace

class TestDataLoader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void samplerOrderLikeDistributedSampler() {
    // 5 samples over 2 ranks: padded to 6 by repeating the first, then every other index.
    QCOMPARE(epoch_sample_order(5, 0, 0, false, 0, 2), (std::vector<int64_t>{0, 2, 4}));
    QCOMPARE(epoch_sample_order(5, 0, 0, false, 1, 2), (std::vector<int64_t>{1, 3, 0}));
    auto a = epoch_sample_order(100, 3, 0, true, 0, 1);
    auto b = epoch_sample_order(100, 3, 1, true, 0, 1);
    QVERIFY(a != b);  // reshuffled per epoch
    std::sort(a.begin(), a.end());
    for (int64_t i = 0; i < 100; ++i) QCOMPARE(a[static_cast<size_t>(i)], i);
    QCOMPARE(epoch_sample_order(100, 3, 1, true, 0, 1), epoch_sample_order(100, 3, 1, true, 0, 1));
  }

  void foldersListsAndExtensions() {
    QTemporaryDir dir;
    QDir(dir.path()).mkpath("root/cat");
    QDir(dir.path()).mkpath("root/dog/sub");
    QDir(dir.path()).mkpath("root/.cache");
    write_image(file_in(dir, "root/cat/a.png"), 8, 8, 1);
    write_image(file_in(dir, "root/dog/b.JPG"), 8, 8, 2);
    write_image(file_in(dir, "root/dog/sub/c.png"), 8, 8, 3);
    write_image(file_in(dir, "root/.cache/d.png"), 8, 8, 4);
    write_image(file_in(dir, "root/dog/.e.png"), 8, 8, 5);
    write_bytes(file_in(dir, "root/dog/notes.txt"), "x");
    auto classes = FileImageSource::open(file_in(dir, "root"));
    QCOMPARE(classes.size(), int64_t{3});
    QCOMPARE(classes.classes(), (std::vector<std::string>{"cat", "dog"}));
    QCOMPARE(classes.label(0), int64_t{0});
    QCOMPARE(classes.label(2), int64_t{1});
    auto flat = FileImageSource::open(file_in(dir, "root/cat"));  // images directly inside, no labels
    QCOMPARE(flat.size(), int64_t{1});
    QCOMPARE(flat.label(0), int64_t{-1});
    QCOMPARE(flat.num_classes(), int64_t{0});
    // Sub-folders with images make a folder one of classes; its own loose images are not used.
    auto nested = FileImageSource::open(file_in(dir, "root/dog"));
    QCOMPARE(nested.classes(), std::vector<std::string>{"sub"});
    QCOMPARE(nested.size(), int64_t{1});
    write_bytes(file_in(dir, "list.txt"), "# images\nroot/cat/a.png\n\nroot/dog/sub/c.png\n");
    auto list = FileImageSource::open(file_in(dir, "list.txt"));
    QCOMPARE(list.size(), int64_t{2});
    QCOMPARE(list.rgb(1).size(), cv::Size(8, 8));
    QDir(dir.path()).mkpath("empty");
    bool threw = false;
    try {
      FileImageSource::open(file_in(dir, "empty"));
    } catch (const std::runtime_error& e) {
      threw = QString(e.what()).contains("no image files");
    }
    QVERIFY(threw);
  }

  void exifOrientationIsApplied() {
    QTemporaryDir dir;
    cv::Mat bgr(20, 40, CV_8UC3, cv::Scalar(0, 0, 0));
    bgr(cv::Rect(0, 0, 20, 20)).setTo(cv::Scalar(0, 0, 255));  // left half red
    write_bytes(file_in(dir, "rotated.jpg"), jpeg_with_orientation(bgr, 6));
    const cv::Mat rgb = read_rgb_image(file_in(dir, "rotated.jpg"));
    QCOMPARE(rgb.size(), cv::Size(20, 40));  // displayed upright: 90 degrees clockwise
    QVERIFY(rgb.at<cv::Vec3b>(5, 10)[0] > 200);   // the red half is now on top
    QVERIFY(rgb.at<cv::Vec3b>(35, 10)[0] < 50);
  }

  // JPEGs go straight to RGB through libjpeg (no channel swaps) with the very pixels OpenCV's
  // decoder gives: baseline and progressive, 4:2:0, 4:2:2 and 4:4:4 chroma, grey, an EXIF block
  // saying "upright". A rotated one is left to OpenCV, which turns it.
  void jpegsDecodeAsOpenCvDoes() {
    QTemporaryDir dir;
    auto written = dino::test::run_reference_script({"write-test-jpegs", dir.path()});
    QVERIFY2(written.ok, qPrintable(written.error));
    auto bytes_of = [](const std::string& file) {
      std::ifstream in(file, std::ios::binary);
      return std::vector<unsigned char>((std::istreambuf_iterator<char>(in)), {});
    };
    for (const char* name : {"chroma-420.jpg", "chroma-422.jpg", "chroma-444.jpg", "progressive.jpg", "grey.jpg"}) {
      const auto file = file_in(dir, QString::fromLatin1(name));
      cv::Mat expected;
      cv::cvtColor(cv::imread(file, cv::IMREAD_COLOR), expected, cv::COLOR_BGR2RGB);
      QVERIFY2(!dino::detail::decode_jpeg_rgb(bytes_of(file)).empty(), name);  // the fast path took it
      const cv::Mat rgb = read_rgb_image(file);
      QVERIFY2(rgb.type() == CV_8UC3 && cv::norm(rgb, expected, cv::NORM_INF) == 0, name);
    }
    // EXIF: "upright" (1) takes the fast path with the same pixels; "rotate" (6) is left to OpenCV.
    const cv::Mat bgr = cv::imread(file_in(dir, "chroma-444.jpg"), cv::IMREAD_COLOR);
    write_bytes(file_in(dir, "upright.jpg"), jpeg_with_orientation(bgr, 1));
    cv::Mat upright;
    cv::cvtColor(cv::imread(file_in(dir, "upright.jpg"), cv::IMREAD_COLOR), upright, cv::COLOR_BGR2RGB);
    QVERIFY(!dino::detail::decode_jpeg_rgb(bytes_of(file_in(dir, "upright.jpg"))).empty());
    QVERIFY(cv::norm(read_rgb_image(file_in(dir, "upright.jpg")), upright, cv::NORM_INF) == 0);
    const std::string rotated = jpeg_with_orientation(bgr, 6);
    QVERIFY(dino::detail::decode_jpeg_rgb(std::vector<unsigned char>(rotated.begin(), rotated.end())).empty());
  }

  void brokenFilesAreSkippedAndCounted() {
    QTemporaryDir dir;
    const auto d = [&](const char* name) { return file_in(dir, name); };
    for (int i = 0; i < 5; ++i) write_image(d(("good" + std::to_string(i) + ".jpg").c_str()), 40, 30, 10 + i);
    write_image(d("UPPER.JPG"), 40, 30, 20);
    {
      std::vector<uchar> jpeg;
      cv::Mat m(60, 80, CV_8UC3, cv::Scalar(1, 2, 3));
      cv::randu(m, 0, 256);
      cv::imencode(".jpg", m, jpeg);
      write_bytes(d("truncated.jpg"), std::string(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(jpeg.size() / 2)));
    }
    write_bytes(d("empty.jpg"), "");
    write_bytes(d("text.png"), "this is not a png\n");
    QVERIFY(cv::imwrite(d("one.png"), cv::Mat(1, 1, CV_8UC3, cv::Scalar(9, 9, 9))));
    cv::Mat deep(12, 10, CV_16UC3, cv::Scalar(65535, 0, 32896));
    QVERIFY(cv::imwrite(d("deep.png"), deep));
    QVERIFY(cv::imwrite(d("gray.png"), cv::Mat(10, 12, CV_8UC1, cv::Scalar(77))));
    auto cmyk = dino::test::run_reference_script({"write-cmyk-jpeg", dir.filePath("cmyk.jpg")});
    QVERIFY2(cmyk.ok, qPrintable(cmyk.error));
    write_image(d(".hidden.jpg"), 8, 8, 30);

    auto source = std::make_shared<FileImageSource>(FileImageSource::open(dir.path().toStdString()));
    QCOMPARE(source->size(), int64_t{13});  // all but the hidden file
    // Decoding conversions: 16-bit scaled to 8, grey replicated, CMYK to RGB.
    const cv::Mat deep_rgb = read_rgb_image(d("deep.png"));
    QCOMPARE(deep_rgb.type(), CV_8UC3);
    QCOMPARE(deep_rgb.at<cv::Vec3b>(0, 0), cv::Vec3b(128, 0, 255));  // BGR (65535, 0, 32896) as RGB, /257
    QCOMPARE(read_rgb_image(d("gray.png")).at<cv::Vec3b>(3, 3), cv::Vec3b(77, 77, 77));
    QCOMPARE(read_rgb_image(d("cmyk.jpg")).type(), CV_8UC3);
    for (const char* broken : {"truncated.jpg", "empty.jpg", "text.png"}) {
      bool named = false;
      try {
        read_rgb_image(d(broken));
      } catch (const ImageReadError& e) {
        named = QString(e.what()).contains(broken);
      }
      QVERIFY2(named, broken);
    }

    MultiCropOptions crops;
    crops.global_crops_size = 16;
    crops.local_crops_size = 8;
    crops.local_crops_number = 2;
    LoaderOptions options;
    options.batch_size = 1;
    options.num_workers = 2;
    MultiCropLoader loader(source, crops, options);
    loader.start_epoch(0);
    int64_t batches = 0;
    while (auto batch = loader.next()) {
      ++batches;
      for (const auto& crop : batch->crops) QVERIFY(torch::isfinite(crop).all().item<bool>());
    }
    QCOMPARE(batches, int64_t{13});
    QCOMPARE(loader.skipped_files(), int64_t{3});
  }

  void batchesDoNotDependOnWorkerCount() {
    auto source = std::make_shared<IdxImageSource>(read_mnist_split(kFashionMnistDir, "t10k"), 96);
    const MultiCropOptions crops = fashion_mnist_crops();
    auto epoch_of = [&](int workers) {
      LoaderOptions options;
      options.batch_size = 16;
      options.num_workers = workers;
      options.seed = 9;
      MultiCropLoader loader(source, crops, options);
      loader.start_epoch(2);
      std::vector<Batch> batches;
      while (auto batch = loader.next()) batches.push_back(std::move(*batch));
      return batches;
    };
    auto one = epoch_of(1), three = epoch_of(3);
    QCOMPARE(one.size(), size_t{6});
    QCOMPARE(three.size(), size_t{6});
    for (size_t b = 0; b < one.size(); ++b) {
      QCOMPARE(one[b].index, int64_t(b));
      QCOMPARE(one[b].samples, three[b].samples);
      for (size_t c = 0; c < one[b].crops.size(); ++c) QVERIFY(torch::equal(one[b].crops[c], three[b].crops[c]));
      QVERIFY(torch::equal(one[b].labels, three[b].labels));
    }
  }

  // A batch's memory goes back to the loader when its last tensor is freed, and a batch built in
  // it later holds exactly its own crops (nothing left over from the earlier one). With 4 batches
  // prefetched, batch 5 cannot start before batch 1 is delivered, by which time batch 0 has been
  // freed here: its memory, or that of a batch freed since, must come round again.
  void freedBatchMemoryIsReusedForALaterBatch() {
    auto source = std::make_shared<IdxImageSource>(read_mnist_split(kFashionMnistDir, "t10k"), 128);
    const MultiCropOptions crops = fashion_mnist_crops();
    LoaderOptions options;
    options.batch_size = 16;
    options.num_workers = 1;
    options.prefetch_batches = 4;
    options.seed = 4;
    MultiCropLoader loader(source, crops, options);
    loader.start_epoch(1);
    std::set<const void*> freed;
    int reused = 0;
    while (auto batch = loader.next()) {
      const void* memory = batch->crops[0].data_ptr();
      if (freed.count(memory)) {
        ++reused;
        const auto expected = make_multi_crop_batch(*source, batch->samples, crops, options.seed, 1);
        for (size_t c = 0; c < expected.size(); ++c) QVERIFY(torch::equal(batch->crops[c], expected[c]));
      }
      freed.insert(memory);  // the batch goes at the end of this iteration
    }
    QVERIFY(reused > 0);
  }

  // Stopping ends the epoch at the next image: each worker finishes at most the image it holds (no
  // batch in progress is completed, nothing prefetched is started), and every thread is joined.
  // The workers are held at a gate with their first images while the stop is asked for, so the
  // count is exact whatever the machine's speed.
  void stopIsPromptAndLeaksNoThread() {
    auto source = std::make_shared<GatedSource>(
        std::make_shared<IdxImageSource>(read_mnist_split(kFashionMnistDir, "train")));
    MultiCropOptions crops;  // full-size crops: slow batches
    crops.global_crops_size = 224;
    crops.local_crops_size = 96;
    LoaderOptions options;
    options.batch_size = 64;
    options.num_workers = 3;
    // Let LibTorch and OpenCV start their own thread pools first: they stay, and are not ours.
    torch::ones({1 << 20}).sum();
    auto warm_rng = sample_generator(0, 0, 0);
    make_crops(source->rgb(0), crops, warm_rng);
    const int before = thread_count();
    {
      const int64_t reads_before = source->reads();
      source->set_open(false);
      MultiCropLoader loader(source, crops, options);
      loader.start_epoch(0);
      // Each worker starts a batch and waits at the gate with its first image.
      QTRY_COMPARE_WITH_TIMEOUT(source->waiting(), options.num_workers, 60000);
      loader.request_stop();
      source->set_open(true);
      loader.stop();
      // The images held at the gate, and not one more.
      QCOMPARE(source->reads() - reads_before, int64_t{options.num_workers});
      QVERIFY(!loader.next().has_value());
      loader.start_epoch(1);  // restartable; destroyed mid-epoch below
    }
    QCOMPARE(thread_count(), before);
  }

  void augmentationFrequencies() {
    cv::Mat image(32, 32, CV_8UC3);
    cv::randu(image, 0, 256);
    MultiCropOptions options;
    options.global_crops_size = 8;
    options.local_crops_size = 4;
    options.local_crops_number = 1;
    const int n = 4000;
    int flips = 0, jitters = 0, grays = 0, blur_g1 = 0, blur_g2 = 0, blur_local = 0, solarized = 0, solarized_other = 0;
    for (int i = 0; i < n; ++i) {
      auto rng = sample_generator(1, 0, i);
      const auto views = make_crops(image, options, rng);
      const auto& g1 = views.parameters[0];
      const auto& g2 = views.parameters[1];
      const auto& local = views.parameters[2];
      flips += g1.flipped;
      jitters += g1.jittered;
      grays += g1.grayscale;
      blur_g1 += g1.blur_sigma > 0;
      blur_g2 += g2.blur_sigma > 0;
      blur_local += local.blur_sigma > 0;
      solarized += g2.solarized;
      solarized_other += g1.solarized + local.solarized;
      if (g1.jittered) {
        QVERIFY(g1.brightness >= 0.6 && g1.brightness <= 1.4 && g1.saturation >= 0.8 && g1.saturation <= 1.2);
        QVERIFY(std::abs(g1.hue) <= 0.1);
      }
      if (g1.blur_sigma > 0) QVERIFY(g1.blur_sigma >= 0.1 && g1.blur_sigma <= 2.0);
    }
    auto near = [n](int count, double p) { return std::abs(count / double(n) - p) < 5 * std::sqrt(p * (1 - p) / n) + 1e-9; };
    QVERIFY(near(flips, 0.5));
    QVERIFY(near(jitters, 0.8));
    QVERIFY(near(grays, 0.2));
    QCOMPARE(blur_g1, n);  // p = 1.0 with <=
    QVERIFY(near(blur_g2, 0.1));
    QVERIFY(near(blur_local, 0.5));
    QVERIFY(near(solarized, 0.2));
    QCOMPARE(solarized_other, 0);
  }
};

QTEST_GUILESS_MAIN(TestDataLoader)
#include "test_data_loader.moc"
