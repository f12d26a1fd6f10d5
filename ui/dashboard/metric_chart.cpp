#include "dashboard/metric_chart.h"

#include "dashboard/plot_export.h"
#include "dashboard/plot_palette.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QMenu>
#include <QRegularExpression>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

// Steps and epochs are whole numbers: no tick at 2.5.
class WholeNumberTicker : public QCPAxisTicker {
 protected:
  double getTickStep(const QCPRange& range) override {
    return std::max(1.0, std::round(QCPAxisTicker::getTickStep(range)));
  }
};

// Significant digits enough for neighbouring ticks to read differently: a momentum axis from
// 0.99 to 0.9901 needs five, a loss axis from 2 to 11 two.
int tickPrecision(const QCPAxis& axis) {
  const QCPRange range = axis.range();
  const double step = range.size() / std::max(1, axis.ticker()->tickCount());
  const double largest = std::max(std::abs(range.lower), std::abs(range.upper));
  if (!(step > 0) || !(largest > 0)) return 3;
  // ... and never fewer than the whole part's digits, so that 250 reads 250, not 2.5e2.
  const int whole = largest >= 1 ? static_cast<int>(std::floor(std::log10(largest))) + 1 : 1;
  return std::clamp(std::max(whole, static_cast<int>(std::ceil(std::log10(largest / step))) + 1), 2, 12);
}

}  // namespace

MetricChart::MetricChart(const QString& title, const QString& leftLabel, QWidget* parent)
    : QCustomPlot(parent), title_(title) {
  plotLayout()->insertRow(0);
  plotLayout()->addElement(0, 0, new QCPTextElement(this, title, QFont(font().family(), 10, QFont::Bold)));
  yAxis->setLabel(leftLabel);
  xAxis->setLabel(tr("step"));
  // The legend goes in a row of its own under the plot, so it never hides a curve.
  legend->setVisible(true);
  legend->setFont(QFont(font().family(), 8));
  legend->setBorderPen(Qt::NoPen);
  legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  axisRect()->insetLayout()->take(legend);
  plotLayout()->addElement(2, 0, legend);
  plotLayout()->setRowStretchFactor(2, 0.001);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setNoAntialiasingOnDrag(true);
  // Moving items live on their own buffered layer: the cursor moves without redrawing the curves.
  addLayer(QStringLiteral("cursor"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
  layer(QStringLiteral("cursor"))->setMode(QCPLayer::lmBuffered);
  cursorLine_ = new QCPItemStraightLine(this);
  cursorLine_->setLayer(QStringLiteral("cursor"));
  cursorLine_->setPen(QPen(QColor(200, 0, 0, 160), 1, Qt::DashLine));
  cursorLine_->setVisible(false);
  referenceLine_ = new QCPItemStraightLine(this);
  referenceLine_->setPen(QPen(QColor(90, 90, 90), 1, Qt::DotLine));
  referenceLine_->setVisible(false);
  referenceLabel_ = new QCPItemText(this);
  referenceLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
  referenceLabel_->setColor(QColor(90, 90, 90));
  referenceLabel_->setVisible(false);
  // An entry in the legend for the reference line: a graph with no data, drawn only there.
  referenceEntry_ = addGraph();
  referenceEntry_->setPen(referenceLine_->pen());
  referenceEntry_->removeFromLegend();
  waiting_ = new QCPItemText(this);
  waiting_->position->setType(QCPItemPosition::ptAxisRectRatio);
  waiting_->position->setCoords(0.5, 0.5);
  waiting_->setText(tr("Waiting for data..."));
  waiting_->setColor(QColor(110, 110, 110));
  setWholeNumberTicks(true);
  for (QCPAxis* axis : {xAxis, yAxis, yAxis2})
    connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [axis] { axis->setNumberPrecision(tickPrecision(*axis)); });
  connect(this, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
  // Zoom, pan and resizes change what one pixel column covers: rebuild the envelopes.
  connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] { refreshDisplay(); });
  connect(this, &QCustomPlot::afterLayout, this, [this] { refreshDisplay(); });
  setMinimumHeight(170);
  placeLegend();
  applyColours();
  autoRange();  // the waiting state until data comes
}

void MetricChart::changeEvent(QEvent* event) {
  QCustomPlot::changeEvent(event);
  if (event->type() != QEvent::PaletteChange) return;
  applyColours();
  for (Series& s : series_) restyle(s);
  replot(rpQueuedReplot);
}

void MetricChart::applyColours() {
  applyPlotPalette(*this, palette());
  // Notes and the reference line in a grey between the background and the text.
  const QColor note = mixColors(palette().color(QPalette::Base), palette().color(QPalette::Text), 0.6);
  referenceLine_->setPen(QPen(note, 1, Qt::DotLine));
  referenceEntry_->setPen(referenceLine_->pen());
  referenceLabel_->setColor(note);
  waiting_->setColor(note);
}

int MetricChart::addSeries(const QString& name, const QColor& colour, Axis axis, bool markers) {
  QCPAxis* valueAxis = axis == Axis::Left ? yAxis : yAxis2;
  if (axis == Axis::Right) {
    yAxis2->setVisible(true);
    yAxis2->setTickLabels(hasData());  // none while waiting for data
  }
  Series s;
  s.name = name;
  s.colour = colour;
  s.raw = addGraph(xAxis, valueAxis);
  s.smooth = addGraph(xAxis, valueAxis);
  s.raw->setName(name);
  s.raw->setPen(QPen(colour, 1));
  s.smooth->setPen(QPen(colour, 1.5));
  s.raw->setProperty("width", 1.0);  // the widths to return to when the data thins out
  s.smooth->setProperty("width", 1.5);
  s.smooth->removeFromLegend();
  s.raw->setAdaptiveSampling(false);  // the envelope is built here (refreshDisplay)
  s.smooth->setAdaptiveSampling(false);
  if (markers) {
    s.raw->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    markers_ = true;
  }
  series_.push_back(s);
  restyle(series_.back());
  return static_cast<int>(series_.size()) - 1;
}

void MetricChart::setRightLabel(const QString& label) {
  yAxis2->setVisible(true);
  yAxis2->setTickLabels(hasData());  // none while waiting for data
  yAxis2->setLabel(label);
}

void MetricChart::setXLabel(const QString& label) { xAxis->setLabel(label); }

void MetricChart::setWholeNumberTicks(bool on) {
  wholeNumberTicks_ = on;
  if (on)
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new WholeNumberTicker));
  else
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  fitTicksToSize();
}

void MetricChart::fitTicksToSize() {
  // As many ticks as fit, about 110 px a label across and 45 px up; legend entries about 170 px a
  // column. From the widget's size, before QCustomPlot lays out (its ticks are made in that pass).
  const int across = std::max(1, width() - 120), up = std::max(1, height() - 110);
  xAxis->ticker()->setTickCount(std::clamp(across / 110, 3, 8));
  for (QCPAxis* axis : {yAxis, yAxis2}) axis->ticker()->setTickCount(std::clamp(up / 40, 3, 6));
  for (QCPAxis* axis : {xAxis, yAxis, yAxis2}) axis->setNumberPrecision(tickPrecision(*axis));
  const int columns = std::max(1, width() / 170);
  if (legend->wrap() != columns) {
    legend->setWrap(columns);
    legend->setFillOrder(legend->fillOrder(), true);  // setWrap alone does not move the entries
  }
}

void MetricChart::resizeEvent(QResizeEvent* event) {
  fitTicksToSize();
  QCustomPlot::resizeEvent(event);
}

void MetricChart::setReferenceLine(double value, const QString& label) {
  const bool show = std::isfinite(value);
  referenceLine_->setVisible(show);
  referenceLabel_->setVisible(show);
  referenceEntry_->setName(label);
  if (show)
    referenceEntry_->addToLegend();
  else
    referenceEntry_->removeFromLegend();
  placeLegend();
  if (!show) return;
  referenceLine_->point1->setCoords(0, value);
  referenceLine_->point2->setCoords(1, value);
  referenceLabel_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  referenceLabel_->position->setTypeY(QCPItemPosition::ptPlotCoords);
  referenceLabel_->position->setCoords(0.01, value);
  referenceLabel_->setText(label);
}

void MetricChart::restyle(Series& s) {
  // With smoothing the raw curve stays, faint, behind the smoothed one: its colour mixed with the
  // background rather than made transparent, since blending thousands of strokes makes redraws slow.
  const QColor line = s.colour == QColor(Qt::black) ? palette().color(QPalette::Text) : s.colour;
  QPen smooth = s.smooth->pen();
  smooth.setColor(line);
  s.smooth->setPen(smooth);
  const QColor faint = mixColors(palette().color(QPalette::Base), line, smoothing_ > 0 ? 0.3 : 1.0);
  QPen raw = s.raw->pen();
  raw.setColor(faint);
  s.raw->setPen(raw);
  s.smooth->setVisible(smoothing_ > 0);
  updateLegend(s);
}

void MetricChart::updateLegend(Series& s) {
  // The legend shows the line the eye follows (the smoothed one when there is one), and only once
  // the series has a value: no entry for GPU memory on a CPU run or for k-NN before an evaluation.
  QCPGraph* shown = smoothing_ > 0 ? s.smooth : s.raw;
  QCPGraph* hidden = shown == s.raw ? s.smooth : s.raw;
  hidden->removeFromLegend();
  shown->setName(s.name);
  if (s.low <= s.high)
    shown->addToLegend();
  else
    shown->removeFromLegend();
  placeLegend();
}

void MetricChart::placeLegend() {
  // An empty legend stays out of the layout: its zero maximum width would narrow the whole column.
  const bool show = legend->itemCount() > 0;
  const bool placed = plotLayout()->hasElement(2, 0) && plotLayout()->element(2, 0) == legend;
  if (show && !placed) plotLayout()->addElement(2, 0, legend);
  if (!show && placed) plotLayout()->take(legend);
  legend->setVisible(show);
}

bool MetricChart::hasData() const {
  return std::any_of(series_.begin(), series_.end(), [](const Series& s) { return s.low <= s.high; });
}

double MetricChart::smoothed(Series& s, double y, double weight) {
  if (!std::isfinite(y)) return y;
  s.ema = weight * s.ema + (1 - weight) * y;
  ++s.count;
  return s.ema / (1 - std::pow(weight, static_cast<double>(s.count)));  // debiased, as TensorBoard does
}

void MetricChart::appendPoints(int index, const QVector<double>& x, const QVector<double>& y) {
  Series& s = series_[index];
  for (int i = 0; i < x.size(); ++i) {
    double v = y[i];
    if (logScale_ && !(v > 0)) v = qQNaN();  // log axes cannot show zero or negatives: leave a gap
    s.rawData.append(x[i], v);
    if (std::isfinite(v)) {
      s.low = std::min(s.low, v);
      s.high = std::max(s.high, v);
    }
    if (smoothing_ > 0) s.smoothData.append(x[i], smoothed(s, v, smoothing_));
  }
  updateLegend(s);
}

void MetricChart::clearData() {
  for (auto& s : series_) {
    s.raw->data()->clear();
    s.smooth->data()->clear();
    s.rawData.clear();
    s.smoothData.clear();
    s.ema = 0;
    s.count = 0;
    s.low = qInf();
    s.high = -qInf();
    updateLegend(s);
  }
  following_ = true;
}

void MetricChart::refreshDisplay() {
  if (refreshing_) return;
  refreshing_ = true;
  const QCPRange range = xAxis->range();
  const int columns = std::max(1, axisRect()->width());
  std::vector<double> xs, ys;
  auto show = [&](const MinMaxPyramid& data, QCPGraph* graph) {
    data.envelope(range.lower, range.upper, columns, xs, ys);
    graph->setData(QVector<double>(xs.begin(), xs.end()), QVector<double>(ys.begin(), ys.end()),
                   /*alreadySorted=*/true);
    // A dense envelope is a column of vertical strokes: antialiasing them, or stroking them wider
    // than one pixel, costs much and shows nothing.
    const bool dense = xs.size() >= static_cast<std::size_t>(columns);
    graph->setAntialiased(!dense);
    QPen pen = graph->pen();
    pen.setWidthF(dense ? 1.0 : graph->property("width").toDouble());
    graph->setPen(pen);
  };
  for (auto& s : series_) {
    show(s.rawData, s.raw);
    if (smoothing_ > 0) show(s.smoothData, s.smooth);
  }
  refreshing_ = false;
}

void MetricChart::requestReplot() {
  autoRange();
  refreshDisplay();
  replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::setSmoothing(double weight) {
  smoothing_ = std::clamp(weight, 0.0, 0.999);
  for (auto& s : series_) {
    s.ema = 0;
    s.count = 0;
    s.smoothData.clear();
    s.smooth->data()->clear();
    if (smoothing_ > 0)
      for (std::size_t i = 0; i < s.rawData.size(); ++i)
        s.smoothData.append(s.rawData.x()[i], smoothed(s, s.rawData.y()[i], smoothing_));
    restyle(s);
  }
  requestReplot();
}

void MetricChart::setLogScale(bool on) {
  logScale_ = on;
  yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (on)
    yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  else
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
}

void MetricChart::autoRange() {
  const bool empty = !hasData();
  waiting_->setVisible(empty);
  for (QCPAxis* axis : {xAxis, yAxis}) axis->setTickLabels(!empty);
  if (yAxis2->visible()) yAxis2->setTickLabels(!empty);
  if (!following_) return;
  bool anyKey = false;
  QCPRange keys;
  for (auto& series : series_) {
    if (series.rawData.size() == 0) continue;
    const QCPRange r(series.rawData.x().front(), series.rawData.x().back());
    keys = anyKey ? QCPRange(std::min(keys.lower, r.lower), std::max(keys.upper, r.upper)) : r;
    anyKey = true;
  }
  if (!anyKey) return;
  if (keys.size() <= 0) {
    xAxis->setRange(keys.lower - 1, keys.upper + 1);  // one point: in the middle, off the axes
  } else if (markers_) {
    const double pad = 0.03 * keys.size();  // markers at the ends stay whole, off the axes
    xAxis->setRange(keys.lower - pad, keys.upper + pad);
  } else {
    xAxis->setRange(keys.lower, keys.upper);
  }
  for (QCPAxis* axis : {yAxis, yAxis2}) {
    bool any = false;
    QCPRange values;
    for (auto& series : series_) {
      if (series.raw->valueAxis() != axis || !(series.low <= series.high)) continue;
      const QCPRange r(series.low, series.high);
      values = any ? QCPRange(std::min(values.lower, r.lower), std::max(values.upper, r.upper)) : r;
      any = true;
    }
    if (!any) continue;
    axis->setRange(paddedRange(values.lower, values.upper, axis->scaleType() == QCPAxis::stLogarithmic));
  }
}

QCPRange MetricChart::paddedRange(double low, double high, bool logarithmic) {
  if (logarithmic) return {low / 1.2, high * 1.2};
  const double largest = std::max(std::abs(low), std::abs(high));
  // A flat curve (or one that moves by less than a millionth of its value) gets a band of 10% of
  // its value, not one of rounding noise.
  if (high - low <= 1e-6 * largest || high - low <= 1e-12) {
    const double half = std::max(1e-12, 0.1 * largest);
    return {low - half, high + half};
  }
  return {low - 0.05 * (high - low), high + 0.05 * (high - low)};
}

void MetricChart::resetView() {
  following_ = true;
  autoRange();
  refreshDisplay();
  replot();
}

void MetricChart::setCursor(double x) {
  cursorX_ = x;
  cursorLine_->setVisible(std::isfinite(x));
  if (std::isfinite(x)) {
    cursorLine_->point1->setCoords(x, 0);
    cursorLine_->point2->setCoords(x, 1);
  }
  layer(QStringLiteral("cursor"))->replot();
}

int MetricChart::pointCount(int index) const { return static_cast<int>(series_[index].rawData.size()); }

int MetricChart::drawnPoints(int index, bool smoothed) const {
  return (smoothed ? series_[index].smooth : series_[index].raw)->dataCount();
}

double MetricChart::valueAt(int index, double x) const {
  const auto& xs = series_[index].rawData.x();
  auto it = std::upper_bound(xs.begin(), xs.end(), x);  // first point past x
  if (it == xs.begin()) return qQNaN();
  return series_[index].rawData.y()[static_cast<std::size_t>(it - xs.begin() - 1)];
}

QString MetricChart::readout(double x) const {
  // Steps are whole; epochs fall between.
  QString text =
      QStringLiteral("%1 %2").arg(xAxis->label()).arg(x, 0, wholeNumberTicks_ ? 'f' : 'g', wholeNumberTicks_ ? 0 : 4);
  for (int i = 0; i < seriesCount(); ++i) {
    const double v = valueAt(i, x);
    if (std::isfinite(v)) text += QStringLiteral("\n%1: %2").arg(series_[i].name).arg(v, 0, 'g', 5);
  }
  return text;
}

void MetricChart::wheelEvent(QWheelEvent* event) {
  following_ = false;  // the user zooms: stop following the data
  QCustomPlot::wheelEvent(event);
}

void MetricChart::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) following_ = false;  // a drag pans; a click only moves the cursor
  QCustomPlot::mousePressEvent(event);
}

void MetricChart::mouseMoveEvent(QMouseEvent* event) {
  QCustomPlot::mouseMoveEvent(event);
  if (event->buttons() != Qt::NoButton || !axisRect()->rect().contains(event->pos())) return;
  const double x = xAxis->pixelToCoord(event->position().x());
  QToolTip::showText(event->globalPosition().toPoint(), readout(x), this);
}

void MetricChart::mouseReleaseEvent(QMouseEvent* event) {
  QCustomPlot::mouseReleaseEvent(event);
  // A click, not the end of a drag, moves the shared cursor.
  if (event->button() == Qt::LeftButton && (event->pos() - mMousePressPos).manhattanLength() < 4) {
    following_ = true;  // a click is not a pan
    if (axisRect()->rect().contains(event->pos())) Q_EMIT cursorRequested(xAxis->pixelToCoord(event->position().x()));
  }
}

bool MetricChart::exportFigure(const QString& file, int width, int height, double dpi) {
  // The figure shows the data, not the state of the window: no step cursor.
  autoRange();
  refreshDisplay();
  const bool cursor = cursorLine_->visible();
  cursorLine_->setVisible(false);
  const bool written = exportPlot(*this, file, width, height, dpi, title_);
  cursorLine_->setVisible(cursor);
  replot(QCustomPlot::rpQueuedReplot);  // the export laid the chart out at its own size: back to the widget's
  return written;
}

void MetricChart::contextMenuEvent(QContextMenuEvent* event) {
  QMenu menu(this);
  menu.addAction(tr("Export Figure..."), this, [this] {
    exportPlotInteractively(*this, title_, [this](const QString& file, int width, int height, double dpi) {
      return exportFigure(file, width, height, dpi);
    });
  });
  QAction* log = menu.addAction(tr("Log Scale"), this, [this](bool on) {
    setLogScale(on);
    requestReplot();
  });
  log->setCheckable(true);
  log->setChecked(logScale_);
  menu.addAction(tr("Fit to the Data"), this, [this] { resetView(); });
  menu.exec(event->globalPos());
}

QString MetricChart::exportName() const {
  if (!exportName_.isEmpty()) return exportName_;
  QString base = title_.toLower();
  base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  base.remove(QRegularExpression(QStringLiteral("^-|-$")));
  return base.isEmpty() ? QStringLiteral("chart") : base;
}

QStringList MetricChart::exportCharts(const QList<MetricChart*>& charts, const QString& folder, int width, int height,
                                      double dpi, QString* error) {
  QStringList written;
  if (!QDir().mkpath(folder)) {
    if (error) *error = tr("Cannot create the folder %1.").arg(folder);
    return {};
  }
  const QDir dir(folder);
  for (auto* chart : charts) {
    const QString base = chart->exportName();
    for (const QString& extension : {QStringLiteral(".png"), QStringLiteral(".svg"), QStringLiteral(".pdf")}) {
      const QString file = dir.filePath(base + extension);
      if (!chart->exportFigure(file, width, height, dpi)) {
        if (error) *error = tr("Cannot write the figures of \"%1\" in %2.").arg(chart->title(), folder);
        return {};
      }
      written << file;
    }
  }
  return written;
}
