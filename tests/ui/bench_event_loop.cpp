// A benchmark, not a test: how late the GUI thread's event loop serves a 10 ms timer while a run
// trains in the controller's worker thread (the demo's model on 512 Fashion-MNIST images), and so
// the longest stall a user could feel; with "explorer", the attention explorer meanwhile computes
// and draws one view after another (random ViT-S/16, a 640 x 480 image at 480 x 480, a new layer
// each time). A figure of the machine and its load, printed, not asserted.
//   QT_QPA_PLATFORM=offscreen ./build/default/tests/bench_event_loop [epochs] [explorer]
#include "attention/attention_explorer.h"
#include "training/training_controller.h"

#include "demo_settings.h"

#include <dino/api/training_run.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const int epochs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2;
  const bool withExplorer = argc > 2 && QByteArray(argv[2]) == "explorer";
  QTemporaryDir dir;
  auto settings = dino::test::demo_settings();
  settings.output_dir = dir.path().toStdString();
  settings.epochs = epochs;
  settings.limit_images = 512;
  settings.eval_knn = false;

  TrainingController controller;
  QElapsedTimer clock;
  qint64 last = 0, worst = 0, ticks = 0;
  QTimer probe;
  probe.setInterval(10);
  QObject::connect(&probe, &QTimer::timeout, &app, [&] {
    const qint64 now = clock.elapsed();
    worst = std::max(worst, now - last - 10);
    last = now;
    ++ticks;
  });
  QObject::connect(&controller, &TrainingController::stateChanged, &app, [&](dino::RunState state) {
    if (state == dino::RunState::Finished || state == dino::RunState::Failed || state == dino::RunState::Stopped)
      app.quit();
  });
  if (!controller.start(settings)) {
    std::fprintf(stderr, "bench_event_loop: %s\n", qPrintable(controller.lastError()));
    return 1;
  }
  AttentionExplorer explorer;
  int views = 0;
  if (withExplorer) {
    QImage image(640, 480, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) image.setPixel(x, y, qRgb(x % 256, y % 256, (x * y) % 256));
    explorer.resize(1400, 900);
    explorer.show();
    explorer.useRandomWeights(QStringLiteral("vit_small"), 16);
    QObject::connect(&explorer, &AttentionExplorer::viewReady, &app, [&] {
      ++views;
      explorer.setLayer(views % 12);  // the next view, computed off the GUI thread and drawn on it
    });
    explorer.addImage(image, QStringLiteral("bench"));
  }
  clock.start();
  probe.start();
  app.exec();
  std::printf(
      "event loop while training (%d epochs of 512 images%s, %lld ticks of a 10 ms timer): worst delay %lld ms\n",
      epochs, withExplorer ? qPrintable(QStringLiteral(", the explorer drawing %1 views").arg(views)) : "",
      static_cast<long long>(ticks), static_cast<long long>(worst));
  return controller.state() == dino::RunState::Finished ? 0 : 1;
}
