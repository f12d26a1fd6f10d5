#include "dashboard/dashboard.h"

#include "dashboard/metric_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

#include <cmath>

using dino::MetricRecord;

namespace {
// A colour-blind-safe palette (Okabe and Ito).
const QColor kBlue(0, 114, 178), kOrange(230, 159, 0), kGreen(0, 158, 115), kRed(213, 94, 0), kPurple(204, 121, 167),
    kSky(86, 180, 233), kBlack(0, 0, 0);
}  // namespace

Dashboard::Dashboard(QWidget* parent) : QWidget(parent), cursor_(qQNaN()) {
  auto* layout = new QVBoxLayout(this);
  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("X axis:")));
  xMode_ = new QComboBox;
  xMode_->addItem(tr("Step"));
  xMode_->addItem(tr("Epoch"));
  controls->addWidget(xMode_);
  controls->addSpacing(16);
  controls->addWidget(new QLabel(tr("Smoothing:")));
  smoothing_ = new QSlider(Qt::Horizontal);
  smoothing_->setRange(0, 99);
  smoothing_->setValue(60);
  smoothing_->setMaximumWidth(160);
  smoothing_->setToolTip(tr("Weight of the past in a debiased moving average; the raw curve stays faint behind."));
  controls->addWidget(smoothing_);
  logScale_ = new QCheckBox(tr("Log scale (loss, learning rate)"));
  controls->addWidget(logScale_);
  controls->addStretch(1);
  // The latest k-NN and linear-probe figures of the Evaluate tab for this run.
  evaluations_ = new QLabel;
  evaluations_->setMinimumWidth(1);
  evaluations_->setVisible(false);
  controls->addWidget(evaluations_);
  layout->addLayout(controls);

  banner_ = new QLabel;
  banner_->setWordWrap(true);
  banner_->setTextFormat(Qt::RichText);
  banner_->setStyleSheet(
      QStringLiteral("QLabel { background: #fde2e1; color: #7a1010; border: 1px solid #d55e00; padding: 6px; }"));
  banner_->setVisible(false);
  layout->addWidget(banner_);

  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  auto* grid_host = new QWidget;
  auto* grid = new QGridLayout(grid_host);
  scroll->setWidget(grid_host);
  layout->addWidget(scroll, 1);

  addChart(QStringLiteral("loss"), tr("Loss"), tr("cross-entropy"), {},
           {{tr("loss"), kBlue, false, false, [](const MetricRecord& r) { return r.loss; }}});
  addChart(QStringLiteral("learning-rate-and-weight-decay"), tr("Learning rate and weight decay"), tr("learning rate"),
           tr("weight decay"),
           {{tr("lr"), kBlue, false, false, [](const MetricRecord& r) { return r.lr; }},
            {tr("weight decay"), kOrange, true, false, [](const MetricRecord& r) { return r.weight_decay; }}});
  addChart(
      QStringLiteral("teacher-temperature-and-momentum"), tr("Teacher temperature and momentum"), tr("temperature"),
      tr("momentum"),
      {{tr("teacher temperature"), kRed, false, false, [](const MetricRecord& r) { return r.teacher_temperature; }},
       {tr("teacher momentum"), kGreen, true, false, [](const MetricRecord& r) { return r.momentum; }}});
  addChart(QStringLiteral("centre"), tr("Centre"), tr("value"), tr("norm"),
           {{tr("mean"), kBlue, false, false, [](const MetricRecord& r) { return r.center_mean; }},
            {tr("std"), kOrange, false, false, [](const MetricRecord& r) { return r.center_std; }},
            {tr("norm"), kBlack, true, false, [](const MetricRecord& r) { return r.center_norm; }}});
  addChart(QStringLiteral("collapse-monitor"), tr("Collapse monitor"), tr("nats"), {},
           {{tr("teacher entropy h"), kBlue, false, false, [](const MetricRecord& r) { return r.teacher_entropy; }},
            {tr("KL(teacher || student)"), kRed, false, false, [](const MetricRecord& r) { return r.kl_divergence; }},
            {tr("H = h + KL"), kBlack, false, false,
             [](const MetricRecord& r) { return r.teacher_entropy + r.kl_divergence; }},
            {tr("entropy of the mean teacher output"), kPurple, false, false,
             [](const MetricRecord& r) { return r.mean_teacher_entropy; }}});
  addChart(QStringLiteral("k-nn-accuracy-teacher"), tr("k-NN accuracy (teacher)"), tr("%"), {},
           {{tr("top-1"), kBlue, false, true, [](const MetricRecord& r) { return r.knn_top1.value_or(qQNaN()); }},
            {tr("top-5"), kSky, false, true, [](const MetricRecord& r) { return r.knn_top5.value_or(qQNaN()); }}});
  addChart(QStringLiteral("throughput-and-memory"), tr("Throughput and memory"), tr("images/s"), tr("MiB"),
           {{tr("images/s"), kGreen, false, false, [](const MetricRecord& r) { return r.images_per_second; }},
            {tr("process memory"), kPurple, true, false,
             [](const MetricRecord& r) {
               return r.memory_bytes > 0 ? static_cast<double>(r.memory_bytes) / (1 << 20) : qQNaN();
             }},
            {tr("GPU tensors"), kOrange, true, false, [](const MetricRecord& r) {
               return r.device_memory_bytes > 0 ? static_cast<double>(r.device_memory_bytes) / (1 << 20) : qQNaN();
             }}});
  for (int i = 0; i < charts_.size(); ++i) grid->addWidget(charts_[i], i / 2, i % 2);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);

  replotTimer_.setSingleShot(true);
  replotTimer_.setInterval(40);  // at most 25 redraws a second, however fast records come
  connect(&replotTimer_, &QTimer::timeout, this, [this] {
    for (auto* chart : charts_) chart->requestReplot();
  });
  connect(xMode_, &QComboBox::currentIndexChanged, this, [this](int index) { setByEpoch(index == 1); });
  connect(smoothing_, &QSlider::valueChanged, this, [this](int value) { setSmoothing(value / 100.0); });
  connect(logScale_, &QCheckBox::toggled, this, &Dashboard::setLogScale);
  setSmoothing(smoothing_->value() / 100.0);
}

Dashboard::~Dashboard() = default;

void Dashboard::addChart(const QString& exportName, const QString& title, const QString& left, const QString& right,
                         std::vector<SeriesSpec> series) {
  auto* chart = new MetricChart(title, left);
  chart->setExportName(exportName);
  if (!right.isEmpty()) chart->setRightLabel(right);
  for (const auto& s : series)
    chart->addSeries(s.name, s.colour, s.rightAxis ? MetricChart::Axis::Right : MetricChart::Axis::Left, s.fromKnn);
  connect(chart, &MetricChart::cursorRequested, this, [this](double x) {
    const double iteration = byEpoch_ && stepsPerEpoch_ > 0 ? x * static_cast<double>(stepsPerEpoch_) : x;
    setCursor(std::round(iteration));
    Q_EMIT cursorChanged(cursor_);
  });
  specs_.push_back({chart, std::move(series)});
  charts_.append(chart);
}

double Dashboard::xOf(const MetricRecord& r) const {
  const double iteration = static_cast<double>(r.iteration);
  return byEpoch_ && stepsPerEpoch_ > 0 ? iteration / static_cast<double>(stepsPerEpoch_) : iteration;
}

void Dashboard::addRecords(const MetricRecords& records) {
  const size_t firstStep = history_.steps().size(), firstKnn = history_.knn().size();
  history_.append(records);
  for (const auto& r : records) {
    if (r.kind == MetricRecord::Kind::Step && r.steps_per_epoch > 0) stepsPerEpoch_ = r.steps_per_epoch;
    if (monitor_) monitor_->add(r);
  }
  appendToCharts(firstStep, firstKnn);
  updateBanner();
  if (!replotTimer_.isActive()) replotTimer_.start();
}

void Dashboard::appendToCharts(size_t firstStep, size_t firstKnn) {
  for (auto& spec : specs_) {
    for (size_t s = 0; s < spec.series.size(); ++s) {
      const auto& records = spec.series[s].fromKnn ? history_.knn() : history_.steps();
      QVector<double> x, y;
      for (size_t i = spec.series[s].fromKnn ? firstKnn : firstStep; i < records.size(); ++i) {
        x.append(xOf(records[i]));
        y.append(spec.series[s].value(records[i]));
      }
      if (!x.isEmpty()) spec.chart->appendPoints(static_cast<int>(s), x, y);
    }
  }
}

void Dashboard::rebuildCharts() {
  for (auto* chart : charts_) chart->clearData();
  appendToCharts(0, 0);
  for (auto* chart : charts_) {
    chart->setXLabel(byEpoch_ ? tr("epoch") : tr("step"));
    chart->setWholeNumberTicks(!byEpoch_);
    chart->setCursor(std::isfinite(cursor_) && byEpoch_ && stepsPerEpoch_ > 0
                         ? cursor_ / static_cast<double>(stepsPerEpoch_)
                         : cursor_);
    chart->resetView();
  }
}

void Dashboard::clear() {
  history_.clear();
  stepsPerEpoch_ = 0;
  if (monitor_) monitor_ = std::make_unique<dino::CollapseMonitor>(outDim_);
  cursor_ = qQNaN();
  for (auto* chart : charts_) {
    chart->clearData();
    chart->setCursor(qQNaN());
    chart->replot();
  }
  updateBanner();
}

void Dashboard::setOutputDim(int64_t outDim) {
  outDim_ = outDim;
  monitor_ = outDim > 1 ? std::make_unique<dino::CollapseMonitor>(outDim) : nullptr;
  if (monitor_)
    for (const auto& r : history_.steps()) monitor_->add(r);
  // The collapse chart is the fifth: ln K is the most entropy a K-way softmax can have.
  charts_[4]->setReferenceLine(monitor_ ? monitor_->ln_k() : qQNaN(),
                               tr("ln K = %1").arg(monitor_ ? monitor_->ln_k() : 0, 0, 'f', 2));
  charts_[4]->requestReplot();
  updateBanner();
}

void Dashboard::setByEpoch(bool byEpoch) {
  if (byEpoch == byEpoch_) return;
  byEpoch_ = byEpoch;
  xMode_->setCurrentIndex(byEpoch ? 1 : 0);
  rebuildCharts();
}

void Dashboard::setSmoothing(double weight) {
  smoothing_->blockSignals(true);
  smoothing_->setValue(static_cast<int>(std::round(weight * 100)));
  smoothing_->blockSignals(false);
  // Only the noisy per-step curves are smoothed; schedules and k-NN are exact already.
  charts_[0]->setSmoothing(weight);
  charts_[3]->setSmoothing(weight);
  charts_[4]->setSmoothing(weight);
  charts_[6]->setSmoothing(weight);
}

void Dashboard::setLogScale(bool on) {
  logScale_->blockSignals(true);
  logScale_->setChecked(on);
  logScale_->blockSignals(false);
  charts_[0]->setLogScale(on);
  charts_[1]->setLogScale(on);
  rebuildCharts();
}

void Dashboard::setCursor(double iteration) {
  cursor_ = iteration;
  const double x = std::isfinite(iteration) && byEpoch_ && stepsPerEpoch_ > 0
                       ? iteration / static_cast<double>(stepsPerEpoch_)
                       : iteration;
  for (auto* chart : charts_) chart->setCursor(x);
}

void Dashboard::setEvaluationSummary(const QString& summary) {
  evaluations_->setText(summary.isEmpty() ? QString() : tr("Evaluations: %1").arg(summary));
  evaluations_->setToolTip(tr("The latest evaluations of this run, from the Evaluate tab"));
  evaluations_->setVisible(!summary.isEmpty());
}

QString Dashboard::evaluationText() const { return evaluations_->isHidden() ? QString() : evaluations_->text(); }

QString Dashboard::bannerText() const { return banner_->isHidden() ? QString() : banner_->text(); }

void Dashboard::updateBanner() {
  const auto kind = collapseKind();
  if (kind == dino::CollapseKind::None) {
    banner_->setVisible(false);
    return;
  }
  const auto& s = monitor_->status();
  QString text;
  if (kind == dino::CollapseKind::OneDimension) {
    text = tr("<b>Collapse: one output dominates.</b> Since step %1 the teacher puts nearly all its mass on the same "
              "output for every image (entropy %2, entropy of the batch mean %3 nats). Centring is losing to "
              "sharpening: lower the learning rate, raise the teacher temperature (--teacher_temp), or keep the "
              "last layer frozen longer (--freeze_last_layer).")
               .arg(s.since_iteration)
               .arg(s.teacher_entropy, 0, 'f', 3)
               .arg(s.mean_teacher_entropy, 0, 'f', 3);
  } else {
    text = tr("<b>Collapse: uniform output.</b> Since step %1 the teacher's entropy is %2 of at most ln K = %3 and "
              "KL(teacher || student) is %4: the student has nothing left to learn. Sharpening is too weak: lower "
              "--teacher_temp (0.04) or --warmup_teacher_temp, keep --norm_last_layer true, or lower the learning "
              "rate.")
               .arg(s.since_iteration)
               .arg(s.teacher_entropy, 0, 'f', 3)
               .arg(s.ln_k, 0, 'f', 3)
               .arg(s.kl, 0, 'f', 4);
  }
  banner_->setText(text);
  banner_->setVisible(true);
}

QStringList Dashboard::exportAll(const QString& folder, int width, int height, double dpi, QString* error) {
  QStringList written = MetricChart::exportCharts(charts_, folder, width, height, dpi, error);
  if (written.isEmpty()) return {};
  const QString csv = QDir(folder).filePath(QStringLiteral("metrics.csv"));
  if (!history_.writeCsv(csv, error)) return {};
  written << csv;
  return written;
}
