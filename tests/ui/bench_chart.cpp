// A benchmark, not a test: a chart holding a million points (a long run's loss curve) must stay
// smooth. Appends points in batches as a live run does and times the redraw of the whole curve.
//   QT_QPA_PLATFORM=offscreen ./build/default/tests/bench_chart [points]
#include "dashboard/metric_chart.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cmath>
#include <cstdio>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const int points = argc > 1 ? std::atoi(argv[1]) : 1000000;
  MetricChart chart(QStringLiteral("Loss"), QStringLiteral("cross-entropy"));
  chart.addSeries(QStringLiteral("loss"), Qt::blue);
  chart.resize(900, 500);
  chart.show();
  chart.setSmoothing(0.9);  // raw and smoothed curves: two million drawn values
  QElapsedTimer clock;
  clock.start();
  const int batch = 1000;
  for (int start = 0; start < points; start += batch) {
    QVector<double> x(batch), y(batch);
    for (int i = 0; i < batch; ++i) {
      x[i] = start + i;
      y[i] = 5 + std::exp(-(start + i) / 2e5) + 0.3 * std::sin((start + i) * 0.37);
    }
    chart.appendPoints(0, x, y);
  }
  const double append_ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
  chart.autoRange();
  chart.replot(QCustomPlot::rpImmediateRefresh);  // warm-up
  clock.restart();
  const int replots = 10;
  for (int i = 0; i < replots; ++i) chart.replot(QCustomPlot::rpImmediateRefresh);
  const double replot_ms = static_cast<double>(clock.nsecsElapsed()) / 1e6 / replots;
  std::printf(
      "chart with %d points (raw + smoothed): appended in %.0f ms (%.2f us per point); full redraw %.1f ms "
      "(%.0f redraws/s), %d + %d points drawn\n",
      chart.pointCount(0), append_ms, append_ms * 1000 / points, replot_ms, 1000 / replot_ms,
      chart.drawnPoints(0, false), chart.drawnPoints(0, true));
  return 0;
}
