// The dashboard on synthetic records whose values are known: every point lands on its chart, the
// epoch axis is iteration / steps per epoch, the collapse banner follows the monitor's rules, the
// shared cursor reaches every chart, and every export is a valid file with the right content.
#include "dashboard/dashboard.h"
#include "dashboard/metric_chart.h"
#include "dashboard/min_max_pyramid.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <cmath>

namespace {

MetricRecords steps(int count, double entropy, double mean_entropy, double kl, int64_t first = 0) {
  MetricRecords records;
  for (int i = 0; i < count; ++i) {
    dino::MetricRecord r;
    r.kind = dino::MetricRecord::Kind::Step;
    r.iteration = first + i;
    r.steps_per_epoch = 10;
    r.epoch = r.iteration / 10;
    r.step = r.iteration % 10;
    r.epochs = 100;
    r.loss = 10.0 - 0.01 * static_cast<double>(r.iteration);
    r.lr = 1e-4 * static_cast<double>(r.iteration + 1);
    r.weight_decay = 0.04;
    r.momentum = 0.996;
    r.teacher_temperature = 0.04;
    r.teacher_entropy = entropy;
    r.mean_teacher_entropy = mean_entropy;
    r.kl_divergence = kl;
    r.images_per_second = 100;
    r.memory_bytes = 64 << 20;
    r.device_memory_bytes = (int64_t{3} << 30) + (int64_t{r.iteration} << 20);
    records.append(r);
  }
  return records;
}

}  // namespace

class TestDashboard : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Ticks: whole steps on the x axis, no more labels than the width holds, and digits enough on a
  // value axis that barely moves (a teacher momentum from 0.99 to 0.990002) to tell ticks apart.
  void ticksReadWell() {
    MetricChart chart(QStringLiteral("Teacher"), QStringLiteral("temperature"));
    chart.setRightLabel(QStringLiteral("momentum"));
    chart.addSeries(QStringLiteral("temperature"), Qt::red);
    const int momentum = chart.addSeries(QStringLiteral("momentum"), Qt::green, MetricChart::Axis::Right);
    QVector<double> x, t, m;
    for (int i = 0; i < 37; ++i) {
      x << i;
      t << 0.04;
      m << 0.99 + 0.000002 * i / 36.0;
    }
    chart.appendPoints(0, x, t);
    chart.appendPoints(momentum, x, m);
    chart.resize(320, 220);  // a narrow chart of the dashboard's grid
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.requestReplot();
    chart.replot();
    QCOMPARE(chart.width(), 320);
    for (QCPAxis* axis : {chart.yAxis, chart.yAxis2}) {
      const QVector<QString> labels = axis->tickVectorLabels();
      QVERIFY(labels.size() >= 2);
      for (int i = 1; i < labels.size(); ++i) QVERIFY2(labels[i] != labels[i - 1], qPrintable(labels[i]));
    }
    const QVector<double> ticks = chart.xAxis->tickVector();
    QVERIFY(ticks.size() >= 2);
    for (double tick : ticks) QCOMPARE(tick, std::round(tick));
    const QFontMetrics metrics(chart.xAxis->tickLabelFont());
    int labelWidth = 0;
    for (const QString& label : chart.xAxis->tickVectorLabels()) labelWidth += metrics.horizontalAdvance(label) + 8;
    QVERIFY2(labelWidth < chart.axisRect()->width(), qPrintable(QString::number(labelWidth)));
    // Throughput in the hundreds reads 150, 200, 250, not 1.5e2 or 1.5·10².
    MetricChart rate(QStringLiteral("Throughput"), QStringLiteral("images/s"));
    rate.addSeries(QStringLiteral("images/s"), Qt::green);
    rate.appendPoints(0, {0, 1, 2, 3}, {150, 250, 180, 240});
    rate.resize(320, 220);
    rate.show();
    QVERIFY(QTest::qWaitForWindowExposed(&rate));
    rate.requestReplot();
    rate.replot();
    for (const QString& label : rate.yAxis->tickVectorLabels())
      QVERIFY2(!label.contains(QLatin1Char('e')) && !label.contains(QChar(0x00B7)), qPrintable(label));
    // Steps are whole: over 1.5 steps the ticks are 0 and 1; epochs fall between and may read 0.5.
    MetricChart steps(QStringLiteral("Loss"), QStringLiteral("loss"));
    steps.addSeries(QStringLiteral("loss"), Qt::blue);
    steps.appendPoints(0, {0, 0.5, 1, 1.5}, {3, 2, 1.5, 1});
    steps.resize(320, 220);
    steps.show();
    QVERIFY(QTest::qWaitForWindowExposed(&steps));
    steps.requestReplot();
    steps.replot();
    QVERIFY(steps.xAxis->tickVector().size() >= 2);
    for (double tick : steps.xAxis->tickVector()) QCOMPARE(tick, std::round(tick));
    steps.setWholeNumberTicks(false);
    steps.replot();
    const QVector<double> epochTicks = steps.xAxis->tickVector();
    QVERIFY(std::any_of(epochTicks.begin(), epochTicks.end(), [](double t) { return t != std::round(t); }));
    // The constant temperature sits in a band around its value, not in one of rounding noise.
    QVERIFY(chart.yAxis->range().lower > 0.03 && chart.yAxis->range().upper < 0.05);
    QVERIFY(chart.yAxis->range().size() > 0.005);
  }

  // The legend names what is drawn: the smoothed line's colour when smoothing, only series with
  // data (no GPU memory on a CPU run), the reference line; an empty chart says it waits.
  void legendAndWaiting() {
    MetricChart chart(QStringLiteral("Throughput"), QStringLiteral("images/s"));
    const QColor green(0, 158, 115);
    chart.addSeries(QStringLiteral("images/s"), green);
    chart.addSeries(QStringLiteral("GPU tensors"), Qt::blue);
    chart.resize(500, 300);
    chart.requestReplot();
    QVERIFY(!chart.hasData());
    QCOMPARE(chart.legend->itemCount(), 0);
    QVERIFY(!chart.xAxis->tickLabels());  // no 0-5 grid pretending to be data
    chart.appendPoints(0, {0, 1, 2}, {10, 12, 11});
    chart.appendPoints(1, {0, 1, 2}, {qQNaN(), qQNaN(), qQNaN()});  // a CPU run has no GPU tensors
    chart.setSmoothing(0.6);
    QVERIFY(chart.hasData());
    QVERIFY(chart.xAxis->tickLabels());
    QCOMPARE(chart.legend->itemCount(), 1);
    auto* item = qobject_cast<QCPPlottableLegendItem*>(chart.legend->item(0));
    QVERIFY(item);
    QCOMPARE(item->plottable()->name(), QStringLiteral("images/s"));
    QCOMPARE(item->plottable()->pen().color(), green);  // the smoothed line, not the faint raw one
    QVERIFY(item->plottable()->visible());
    chart.setReferenceLine(6.93, QStringLiteral("ln K = 6.93"));
    QCOMPARE(chart.legend->itemCount(), 2);
    chart.setReferenceLine(qQNaN(), QString());
    QCOMPARE(chart.legend->itemCount(), 1);
  }

  void exportsLeaveTheCursorOut() {
    QTemporaryDir dir;
    MetricChart chart(QStringLiteral("Loss"), QStringLiteral("loss"));
    chart.addSeries(QStringLiteral("loss"), Qt::blue);
    chart.appendPoints(0, {0, 10, 20}, {3, 2, 1});
    chart.resize(600, 400);
    chart.requestReplot();  // the axes fitted to the data, as the dashboard's timer does
    chart.setCursor(10);
    // The cursor is drawn in translucent (200, 0, 0): on white, pixels far redder than green.
    auto reddish = [](const QImage& image) {
      int count = 0;
      for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
          const QColor c = image.pixelColor(x, y);
          if (c.red() - c.green() > 60 && c.red() - c.blue() > 60) ++count;
        }
      return count;
    };
    QVERIFY(reddish(chart.toPixmap(600, 400).toImage()) > 50);  // on screen: there
    const QString file = dir.filePath(QStringLiteral("loss.png"));
    QVERIFY(chart.exportFigure(file, 600, 400, 96));
    const QImage image(file);
    QCOMPARE(image.size(), QSize(600, 400));
    QCOMPARE(reddish(image), 0);     // in the figure: not
    QCOMPARE(chart.cursor(), 10.0);  // still on screen
    QVERIFY(reddish(chart.toPixmap(600, 400).toImage()) > 50);
  }

  void envelopeKeepsSpikesAndStaysSmall() {
    MinMaxPyramid pyramid;
    const int n = 100000;
    for (int i = 0; i < n; ++i) pyramid.append(i, i == 54321 ? 1000.0 : (i == 777 ? -50.0 : std::sin(i * 0.01)));
    std::vector<double> xs, ys;
    pyramid.envelope(0, n - 1, 500, xs, ys);
    QVERIFY2(xs.size() <= 4 * 500 + 2 * 512, qPrintable(QString::number(xs.size())));  // O(columns), not O(points)
    QCOMPARE(*std::max_element(ys.begin(), ys.end()), 1000.0);                         // the single spike survives
    QCOMPARE(*std::min_element(ys.begin(), ys.end()), -50.0);
    QVERIFY(std::is_sorted(xs.begin(), xs.end()));
    // Zoomed in far enough, every point in view is drawn as it is.
    pyramid.envelope(1000, 1100, 500, xs, ys);
    QCOMPARE(xs.front(), 999.0);  // one point either side of the range
    QCOMPARE(xs.back(), 1101.0);
    QCOMPARE(xs.size(), size_t{103});
    QCOMPARE(ys[2], std::sin(1001 * 0.01));
    // Gaps (NaN) inside a bucket do not hide its values.
    MinMaxPyramid gaps;
    for (int i = 0; i < 4096; ++i) gaps.append(i, i % 2 ? qQNaN() : 1.0 + (i == 2048 ? 5.0 : 0.0));
    gaps.envelope(0, 4095, 10, xs, ys);
    QCOMPARE(*std::max_element(ys.begin(), ys.end(), [](double a, double b) { return !(a >= b) && !std::isnan(b); }),
             6.0);
  }

  void everyRecordReachesItsChart() {
    Dashboard dashboard;
    dashboard.setSmoothing(0.9);
    dashboard.addRecords(steps(25, 3.0, 5.0, 1.0));
    dino::MetricRecord knn;
    knn.kind = dino::MetricRecord::Kind::Knn;
    knn.iteration = 20;
    knn.knn_top1 = 61.5;
    knn.knn_top5 = 95.0;
    dashboard.addRecords({knn});
    const auto& charts = dashboard.charts();
    QCOMPARE(charts.size(), 7);
    QCOMPARE(charts[0]->pointCount(0), 25);  // loss: every raw point kept under smoothing
    QCOMPARE(charts[0]->valueAt(0, 7), 10.0 - 0.07);
    QCOMPARE(charts[1]->valueAt(0, 4), 5e-4);  // lr
    QCOMPARE(charts[5]->pointCount(0), 1);     // k-NN has its own record kind
    QCOMPARE(charts[5]->valueAt(0, 20), 61.5);
    QCOMPARE(charts[6]->valueAt(1, 3), 64.0);            // process memory in MiB
    QCOMPARE(charts[6]->valueAt(2, 3), 3 * 1024.0 + 3);  // GPU tensors in MiB
    QCOMPARE(dashboard.history().steps().size(), size_t{25});
    // By epoch: x = iteration / steps per epoch.
    dashboard.setByEpoch(true);
    QCOMPARE(charts[0]->valueAt(0, 1.5), 10.0 - 0.15);
    QCOMPARE(charts[5]->valueAt(0, 2.0), 61.5);
  }

  // metrics.jsonl lines read back as they were written (the app follows runs through them); the
  // GPU figure is left out on the CPU.
  void recordsRoundTripThroughJson() {
    auto record = steps(1, 3.0, 5.0, 1.0).front();
    const auto back = dino::MetricRecord::from_json(record.to_json());
    QVERIFY(back.has_value());
    QCOMPARE(back->device_memory_bytes, record.device_memory_bytes);
    QCOMPARE(back->memory_bytes, int64_t{64} << 20);
    QCOMPARE(back->teacher_entropy, 3.0);
    record.device_memory_bytes = 0;
    QVERIFY(!QString::fromStdString(record.to_json()).contains(QStringLiteral("device_memory")));
  }

  void logScaleLeavesGapsForNonPositiveValues() {
    Dashboard dashboard;
    auto records = steps(3, 3.0, 5.0, 1.0);
    records[1].loss = 0.0;
    records[2].loss = -1.0;
    dashboard.setLogScale(true);
    dashboard.addRecords(records);
    QVERIFY(dashboard.charts()[0]->logScale());
    QVERIFY(std::isnan(dashboard.charts()[0]->valueAt(0, 1)));
    QCOMPARE(dashboard.charts()[0]->valueAt(0, 0), 10.0);
  }

  void bannerFollowsTheCollapseMonitor() {
    Dashboard dashboard;
    dashboard.setOutputDim(1000);  // ln K = 6.9078
    dashboard.addRecords(steps(49, 0.01, 0.02, 0.5));
    QCOMPARE(dashboard.collapseKind(), dino::CollapseKind::None);  // not yet 50 steps in a row
    dashboard.addRecords(steps(1, 0.01, 0.02, 0.5, 49));
    QCOMPARE(dashboard.collapseKind(), dino::CollapseKind::OneDimension);
    QVERIFY2(dashboard.bannerText().contains(QStringLiteral("one output dominates")),
             qPrintable(dashboard.bannerText()));
    QVERIFY(dashboard.bannerText().contains(QStringLiteral("--teacher_temp")));
    // Healthy again: the banner goes.
    dashboard.addRecords(steps(1, 3.0, 5.0, 1.0, 50));
    QVERIFY(dashboard.bannerText().isEmpty());
    // Uniform: entropy at ln K, KL near 0.
    dashboard.addRecords(steps(50, 6.90, 6.907, 0.001, 51));
    QCOMPARE(dashboard.collapseKind(), dino::CollapseKind::Uniform);
    QVERIFY(dashboard.bannerText().contains(QStringLiteral("uniform output")));
  }

  void oneCursorForEveryChart() {
    Dashboard dashboard;
    dashboard.addRecords(steps(30, 3.0, 5.0, 1.0));
    QSignalSpy moved(&dashboard, &Dashboard::cursorChanged);
    Q_EMIT dashboard.charts()[2]->cursorRequested(12.3);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(dashboard.cursor(), 12.0);
    for (auto* chart : dashboard.charts()) QCOMPARE(chart->cursor(), 12.0);
    dashboard.setByEpoch(true);
    for (auto* chart : dashboard.charts()) QCOMPARE(chart->cursor(), 1.2);
    QVERIFY(dashboard.charts()[0]->readout(1.2).contains(QStringLiteral("loss: 9.88")));
  }

  void exportsAreValidFiles() {
    QTemporaryDir dir;
    Dashboard dashboard;
    dashboard.resize(1200, 900);
    auto records = steps(40, 3.0, 5.0, 1.0);
    dino::MetricRecord epoch;  // an epoch's summary and a k-NN evaluation carry fewer values
    epoch.kind = dino::MetricRecord::Kind::Epoch;
    epoch.iteration = 39;
    epoch.epoch = 3;
    epoch.loss = 9.75;
    dino::MetricRecord knn;
    knn.kind = dino::MetricRecord::Kind::Knn;
    knn.iteration = 40;
    knn.epoch = 4;
    knn.knn_top1 = 61.5;
    knn.knn_top5 = 97.25;
    records << epoch << knn;
    dashboard.addRecords(records);
    QString error;
    const auto files = dashboard.exportAll(dir.path(), 900, 500, 150, &error);
    QVERIFY2(!files.isEmpty(), qPrintable(error));
    QCOMPARE(files.size(), 7 * 3 + 1);
    QImage png(dir.filePath(QStringLiteral("loss.png")));
    QCOMPARE(png.size(), QSize(900, 500));
    QVERIFY(std::abs(png.dotsPerMeterX() - 150 / 0.0254) < 2);
    QFile svg(dir.filePath(QStringLiteral("loss.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    while (!xml.atEnd() && !xml.isStartElement()) xml.readNext();
    QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
    // The size asked for: 900 x 500 px at the screen's nominal 96 dpi, in millimetres.
    const QString width = xml.attributes().value(QStringLiteral("width")).toString();
    QVERIFY2(width.endsWith(QStringLiteral("mm")) && std::abs(width.chopped(2).toDouble() - 900 / 96.0 * 25.4) < 0.5,
             qPrintable(width));
    QCOMPARE(xml.attributes().value(QStringLiteral("viewBox")).toString(), QStringLiteral("0 0 900 500"));
    while (!xml.atEnd()) xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QFile pdf(dir.filePath(QStringLiteral("loss.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QFile csv(dir.filePath(QStringLiteral("metrics.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    const auto lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 40 + 2);
    const auto header = lines[0].split(QLatin1Char(','));
    const auto row = lines[8].split(QLatin1Char(','));  // iteration 7
    auto cell = [&header](const QStringList& r, const char* name) { return r[header.indexOf(QLatin1String(name))]; };
    QCOMPARE(row.size(), header.size());
    QCOMPARE(cell(row, "iteration"), QStringLiteral("7"));
    QCOMPARE(cell(row, "loss").toDouble(), 10.0 - 0.07);
    QCOMPARE(cell(row, "device_memory").toLongLong(), (qint64{3} << 30) + (qint64{7} << 20));
    QCOMPARE(cell(row, "knn_top1"), QString());  // a step has no accuracy: blank, not 0
    const auto epochRow = lines[41].split(QLatin1Char(','));
    QCOMPARE(epochRow.size(), header.size());
    QCOMPARE(cell(epochRow, "kind"), QStringLiteral("epoch"));
    QCOMPARE(cell(epochRow, "loss"), QStringLiteral("9.75"));
    for (const char* blank : {"step", "momentum", "center_norm", "images_per_second", "device_memory", "knn_top1"})
      QVERIFY2(cell(epochRow, blank).isEmpty(), blank);
    const auto knnRow = lines[42].split(QLatin1Char(','));
    QCOMPARE(cell(knnRow, "knn_top1"), QStringLiteral("61.5"));
    QCOMPARE(cell(knnRow, "knn_top5"), QStringLiteral("97.25"));
    for (const char* blank : {"loss", "lr", "memory", "teacher_temp"}) QVERIFY2(cell(knnRow, blank).isEmpty(), blank);
    // One chart, format by extension, at a chosen size.
    QVERIFY(dashboard.charts()[1]->exportFigure(dir.filePath(QStringLiteral("lr.pdf")), 600, 400, 300));
    QFile lr(dir.filePath(QStringLiteral("lr.pdf")));
    QVERIFY(lr.open(QIODevice::ReadOnly) && lr.read(5) == "%PDF-");
    QVERIFY(dashboard.charts()[1]->exportFigure(dir.filePath(QStringLiteral("lr.png")), 600, 400, 300));
    QCOMPARE(QImage(dir.filePath(QStringLiteral("lr.png"))).size(), QSize(600, 400));
    // A folder that cannot be created is an error, not a silent success.
    QVERIFY(dashboard.exportAll(QStringLiteral("/proc/no-such-folder/x"), 900, 500, 150, &error).isEmpty());
    QVERIFY(!error.isEmpty());
  }
};

QTEST_MAIN(TestDashboard)
#include "test_dashboard.moc"
