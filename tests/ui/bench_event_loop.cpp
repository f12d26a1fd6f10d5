// A benchmark, not a test: how late the GUI thread's event loop serves a 10 ms timer while a run
// trains in the controller's worker thread (the demo's model on 512 Fashion-MNIST images), and so
// the longest stall a user could feel. A figure of the machine and its load, printed, not asserted.
//   QT_QPA_PLATFORM=offscreen ./build/default/tests/bench_event_loop [epochs]
#include "training/training_controller.h"

#include "demo_settings.h"

#include <dino/api/training_run.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const int epochs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2;
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
  clock.start();
  probe.start();
  app.exec();
  std::printf("event loop while training (%d epochs of 512 images, %lld ticks of a 10 ms timer): worst delay %lld ms\n",
              epochs, static_cast<long long>(ticks), static_cast<long long>(worst));
  return controller.state() == dino::RunState::Finished ? 0 : 1;
}
