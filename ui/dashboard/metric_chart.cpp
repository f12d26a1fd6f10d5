#include "dashboard/metric_chart.h"

#include "dashboard/figure_export_dialog.h"

#include <QContextMenuEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

#include <QSvgGenerator>
#include <QToolTip>

#include <cmath>

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
  connect(this, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
  // Zoom, pan and resizes change what one pixel column covers: rebuild the envelopes.
  connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] { refreshDisplay(); });
  connect(this, &QCustomPlot::afterLayout, this, [this] { refreshDisplay(); });
  setMinimumHeight(170);
}

int MetricChart::addSeries(const QString& name, const QColor& colour, Axis axis, bool markers) {
  QCPAxis* valueAxis = axis == Axis::Left ? yAxis : yAxis2;
  if (axis == Axis::Right) {
    yAxis2->setVisible(true);
    yAxis2->setTickLabels(true);
  }
  Series s;
  s.name = name;
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
  if (markers) s.raw->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
  series_.push_back(s);
  restyle(series_.back());
  return static_cast<int>(series_.size()) - 1;
}

void MetricChart::setRightLabel(const QString& label) {
  yAxis2->setVisible(true);
  yAxis2->setTickLabels(true);
  yAxis2->setLabel(label);
}

void MetricChart::setXLabel(const QString& label) { xAxis->setLabel(label); }

void MetricChart::setReferenceLine(double value, const QString& label) {
  const bool show = std::isfinite(value);
  referenceLine_->setVisible(show);
  referenceLabel_->setVisible(show);
  if (!show) return;
  referenceLine_->point1->setCoords(0, value);
  referenceLine_->point2->setCoords(1, value);
  referenceLabel_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  referenceLabel_->position->setTypeY(QCPItemPosition::ptPlotCoords);
  referenceLabel_->position->setCoords(0.01, value);
  referenceLabel_->setText(label);
}

void MetricChart::restyle(Series& s) {
  // With smoothing the raw curve stays, faint, behind the smoothed one: its colour mixed with white
  // rather than made transparent, since blending thousands of strokes is what makes redraws slow.
  const QColor base = s.smooth->pen().color();
  const double keep = smoothing_ > 0 ? 0.3 : 1.0;
  const QColor faint = QColor::fromRgbF(static_cast<float>(1 - keep * (1 - base.redF())), static_cast<float>(1 - keep * (1 - base.greenF())),
                                        static_cast<float>(1 - keep * (1 - base.blueF())));
  QPen raw = s.raw->pen();
  raw.setColor(faint);
  s.raw->setPen(raw);
  s.smooth->setVisible(smoothing_ > 0);
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
    graph->setData(QVector<double>(xs.begin(), xs.end()), QVector<double>(ys.begin(), ys.end()), /*alreadySorted=*/true);
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
  xAxis->setRange(keys.lower, keys.size() > 0 ? keys.upper : keys.lower + 1);
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
    if (axis->scaleType() == QCPAxis::stLogarithmic) {
      axis->setRange(values.lower / 1.2, values.upper * 1.2);
    } else if (values.size() <= 1e-12 * std::max(1.0, std::abs(values.upper))) {
      const double half = std::max(1e-12, 0.1 * std::abs(values.upper));  // a flat curve gets a visible band
      axis->setRange(values.lower - half, values.upper + half);
    } else {
      axis->setRange(values.lower - 0.05 * values.size(), values.upper + 0.05 * values.size());
    }
  }
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

double MetricChart::valueAt(int index, double x) const {
  const auto& xs = series_[index].rawData.x();
  auto it = std::upper_bound(xs.begin(), xs.end(), x);  // first point past x
  if (it == xs.begin()) return qQNaN();
  return series_[index].rawData.y()[static_cast<std::size_t>(it - xs.begin() - 1)];
}

QString MetricChart::readout(double x) const {
  QString text = QStringLiteral("%1 %2").arg(xAxis->label()).arg(x, 0, 'f', 0);
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

bool MetricChart::exportPng(const QString& file, int width, int height, double dpi) {
  autoRange();
  refreshDisplay();
  const double scale = dpi / 96.0;
  return savePng(file, static_cast<int>(width / scale), static_cast<int>(height / scale), scale, -1,
                 static_cast<int>(dpi), QCP::ruDotsPerInch);
}

bool MetricChart::exportFigure(const QString& file, int width, int height, double dpi) {
  const QString suffix = QFileInfo(file).suffix().toLower();
  if (suffix == QLatin1String("svg")) return exportSvg(file, width, height);
  if (suffix == QLatin1String("pdf")) return exportPdf(file, width, height);
  return exportPng(file, width, height, dpi);
}

void MetricChart::contextMenuEvent(QContextMenuEvent* event) {
  QMenu menu(this);
  menu.addAction(tr("Export Figure..."), this, [this] {
    QString name = title_.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    FigureExportDialog dialog(FigureExportDialog::Target::File, name, this);
    if (dialog.exec() != QDialog::Accepted) return;
    if (!exportFigure(dialog.path(), dialog.figureWidth(), dialog.figureHeight(), dialog.dpi()))
      QMessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(dialog.path()));
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

bool MetricChart::exportSvg(const QString& file, int width, int height) {
  autoRange();
  refreshDisplay();
  QSvgGenerator generator;
  generator.setFileName(file);
  generator.setSize(QSize(width, height));
  generator.setViewBox(QRect(0, 0, width, height));
  generator.setTitle(title_);
  generator.setDescription(tr("DINO Studio chart"));
  QCPPainter painter;
  if (!painter.begin(&generator)) return false;
  toPainter(&painter, width, height);
  return painter.end();
}

bool MetricChart::exportPdf(const QString& file, int width, int height) {
  autoRange();
  refreshDisplay();
  return savePdf(file, width, height, QCP::epNoCosmetic, tr("DINO Studio"), title_);
}
