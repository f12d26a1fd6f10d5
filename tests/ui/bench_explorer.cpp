// A benchmark, not a test: how long the attention explorer takes to show a new view, from the
// request (a new image, another layer, a click on a patch) to the tiles on screen, with the model
// and the pictures computed off the GUI thread. Random weights, 640 x 480 images, 480 x 480 input.
//   QT_QPA_PLATFORM=offscreen ./build/default/tests/bench_explorer [arch] [patch_size] [runs]
#include "attention/attention_explorer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const QString arch = argc > 1 ? QString::fromLatin1(argv[1]) : QStringLiteral("vit_small");
  const int patch = argc > 2 ? std::atoi(argv[2]) : 16;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  QTemporaryDir dir;
  std::mt19937 random(7);
  for (int k = 0; k < 2; ++k) {
    QImage image(640, 480, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) image.setPixel(x, y, qRgb(random() % 256, (x + k * 90) % 256, y % 256));
    image.save(dir.filePath(QStringLiteral("image%1.png").arg(k)));
  }
  AttentionExplorer explorer;
  explorer.resize(1400, 900);
  explorer.show();
  explorer.useRandomWeights(arch, patch);
  QSignalSpy ready(&explorer, &AttentionExplorer::viewReady);
  explorer.addImage(dir.filePath(QStringLiteral("image0.png")));
  explorer.addImage(dir.filePath(QStringLiteral("image1.png")));
  while (explorer.view().heads == 0 || ready.count() < 1) ready.wait(600000);
  QApplication::processEvents();

  // Median wall time from the request until the view is rendered.
  auto time = [&](const std::function<void(int)>& request) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      ready.clear();
      QElapsedTimer clock;
      clock.start();
      request(i);
      if (!ready.wait(600000)) return -1.0;
      QApplication::processEvents();
      ms.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
  };
  const double image = time([&](int i) { explorer.selectImage(i % 2); });
  const double layer = time([&](int i) { explorer.setLayer(i % 2 ? 11 : 5); });
  explorer.setLayer(-1);  // the rest on the last layer, as the reference shows it
  ready.wait(600000);
  const double patchQuery = time([&](int i) { explorer.setQuery(1 + 37 * (i + 1)); });
  explorer.setQuery(0);
  ready.wait(600000);
  const double threshold = time([&](int i) { explorer.setThreshold(0.5 + 0.05 * (i % 2)); });
  std::printf("attention explorer: %s/%d at 480x480, %u hardware threads, median of %d\n", qPrintable(arch), patch,
              std::thread::hardware_concurrency(), runs);
  std::printf("  new image:        %7.0f ms to the tiles on screen\n", image);
  std::printf("  another layer:    %7.0f ms (layers 5 and 11 in turn)\n", layer);
  std::printf("  click on a patch: %7.0f ms\n", patchQuery);
  std::printf("  mass threshold:   %7.0f ms (masks added)\n", threshold);
  return 0;
}
