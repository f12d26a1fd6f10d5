// A benchmark, not a test: a chart holding a million points (a long run's loss curve) must stay
// smooth, and so must the Runs tab's comparison of ten such runs on one chart. Appends points in
// batches as a live run does and times the redraw of the whole curves.
//   QT_QPA_PLATFORM=offscreen ./build/default/tests/bench_chart [points per run] [runs]
#include "dashboard/metric_chart.h"
#include "runs/run_comparison.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const int points = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
  MetricChart chart(QStringLiteral("Loss"), QStringLiteral("cross-entropy"));
  for (int r = 0; r < runs; ++r) chart.addSeries(QStringLiteral("run %1").arg(r), RunComparison::runColour(r));
  chart.resize(900, 500);
  chart.show();
  chart.setSmoothing(0.9);  // raw and smoothed curves: two drawn values per point
  QElapsedTimer clock;
  clock.start();
  const int batch = 1000;
  for (int r = 0; r < runs; ++r)
    for (int start = 0; start < points; start += batch) {
      QVector<double> x(batch), y(batch);
      for (int i = 0; i < batch; ++i) {
        x[i] = start + i;
        y[i] = 5 + 0.1 * r + std::exp(-(start + i) / 2e5) + 0.3 * std::sin((start + i) * 0.37 + r);
      }
      chart.appendPoints(r, x, y);
    }
  const double append_ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
  chart.autoRange();
  chart.replot(QCustomPlot::rpImmediateRefresh);  // warm-up
  clock.restart();
  const int replots = 10;
  for (int i = 0; i < replots; ++i) chart.replot(QCustomPlot::rpImmediateRefresh);
  const double replot_ms = static_cast<double>(clock.nsecsElapsed()) / 1e6 / replots;
  int drawn = 0;
  for (int r = 0; r < runs; ++r) drawn += chart.drawnPoints(r, false) + chart.drawnPoints(r, true);
  std::printf(
      "chart with %d run(s) of %d points (raw + smoothed): appended in %.0f ms (%.2f us per point); full redraw "
      "%.1f ms (%.0f redraws/s), %d points drawn\n",
      runs, chart.pointCount(0), append_ms, append_ms * 1000 / (static_cast<double>(points) * runs), replot_ms,
      1000 / replot_ms, drawn);
  return 0;
}
