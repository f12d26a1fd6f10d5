#include "runs/run_comparison.h"

#include "dashboard/figure_export_dialog.h"
#include "dashboard/metric_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

using dino::MetricRecord;

namespace {

QIcon swatch(const QColor& colour) {
  QPixmap pixmap(12, 12);
  pixmap.fill(colour);
  return QIcon(pixmap);
}

}  // namespace

RunComparison::Run RunComparison::load(const RunSummary& summary) {
  Run run;
  run.name = summary.name;
  run.folder = summary.folder;
  run.settings = summary.settings;
  readMore(run);
  return run;
}

void RunComparison::readMore(Run& run) {
  run.rewound = false;
  QFile metrics(QDir(run.folder).filePath(QStringLiteral("metrics.jsonl")));
  if (!metrics.open(QIODevice::ReadOnly)) return;
  if (metrics.size() < run.metricsOffset) {  // replaced: a new run in the folder
    run.steps.clear();
    run.knn.clear();
    run.metricsOffset = 0;
  }
  metrics.seek(run.metricsOffset);
  while (!metrics.atEnd()) {
    const QByteArray line = metrics.readLine();
    if (!line.endsWith('\n')) break;  // still being written: read it whole next time
    run.metricsOffset += line.size();
    const auto record = MetricRecord::from_json(line.toStdString());
    if (!record) continue;
    if (record->kind == MetricRecord::Kind::Step) {
      // A session resumed from an older checkpoint trains some steps again: its records replace
      // the first session's from there, so that x only grows.
      if (!run.steps.empty() && record->iteration <= run.steps.back().iteration) {
        const auto from =
            std::lower_bound(run.steps.begin(), run.steps.end(), record->iteration,
                             [](const MetricRecord& r, int64_t iteration) { return r.iteration < iteration; });
        run.steps.erase(from, run.steps.end());
        run.rewound = true;
      }
      run.steps.push_back(*record);
    } else if (record->kind == MetricRecord::Kind::Knn) {
      run.knn.push_back(*record);
    }
  }
}

QColor RunComparison::runColour(int index) {
  // Okabe and Ito's colour-blind-safe colours, black left for the text.
  static const QColor colours[] = {QColor(0, 114, 178),  QColor(230, 159, 0),   QColor(0, 158, 115),
                                   QColor(213, 94, 0),   QColor(204, 121, 167), QColor(86, 180, 233),
                                   QColor(240, 228, 66), QColor(120, 120, 120)};
  return colours[index % static_cast<int>(std::size(colours))];
}

RunComparison::RunComparison(QWidget* parent) : QWidget(parent), cursor_(qQNaN()) {
  const auto knn = [](const MetricRecord& r) { return r.knn_top1.value_or(qQNaN()); };
  const auto id = [](const char* name) { return QString::fromLatin1(name); };
  metrics_ = {
      {id("loss"), tr("Loss"), tr("cross-entropy"), false, [](const MetricRecord& r) { return r.loss; }},
      {id("knn-top1"), tr("k-NN top-1 (teacher)"), tr("%"), true, knn},
      {id("teacher-entropy"), tr("Teacher entropy h"), tr("nats"), false,
       [](const MetricRecord& r) { return r.teacher_entropy; }},
      {id("kl"), tr("KL(teacher || student)"), tr("nats"), false,
       [](const MetricRecord& r) { return r.kl_divergence; }},
      {id("mean-teacher-entropy"), tr("Entropy of the mean teacher output"), tr("nats"), false,
       [](const MetricRecord& r) { return r.mean_teacher_entropy; }},
      {id("learning-rate"), tr("Learning rate"), tr("learning rate"), false,
       [](const MetricRecord& r) { return r.lr; }},
      {id("weight-decay"), tr("Weight decay"), tr("weight decay"), false,
       [](const MetricRecord& r) { return r.weight_decay; }},
      {id("teacher-temperature"), tr("Teacher temperature"), tr("temperature"), false,
       [](const MetricRecord& r) { return r.teacher_temperature; }},
      {id("centre-norm"), tr("Centre norm"), tr("norm"), false, [](const MetricRecord& r) { return r.center_norm; }},
      {id("throughput"), tr("Throughput"), tr("images/s"), false,
       [](const MetricRecord& r) { return r.images_per_second; }},
  };

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("X axis:")));
  xMode_ = new QComboBox;
  xMode_->addItems({tr("Step"), tr("Epoch")});
  xMode_->setToolTip(
      tr("By epoch, runs of different batch sizes line up: each run's steps are divided by its own "
         "steps per epoch."));
  controls->addWidget(xMode_);
  controls->addSpacing(16);
  controls->addWidget(new QLabel(tr("Smoothing:")));
  smoothingSlider_ = new QSlider(Qt::Horizontal);
  smoothingSlider_->setRange(0, 99);
  smoothingSlider_->setValue(static_cast<int>(smoothing_ * 100));
  smoothingSlider_->setMaximumWidth(160);
  controls->addWidget(smoothingSlider_);
  controls->addStretch(1);
  auto* exportButton = new QPushButton(tr("Export Figures and CSV..."));
  controls->addWidget(exportButton);

  // The runs' boxes in one row that scrolls, however many runs: the window stays as wide as the screen.
  auto* legendHost = new QWidget;
  legend_ = new QHBoxLayout(legendHost);
  legend_->setContentsMargins(0, 0, 0, 0);
  auto* legendScroll = new QScrollArea;
  legendScroll->setWidget(legendHost);
  legendScroll->setWidgetResizable(true);
  legendScroll->setFrameShape(QFrame::NoFrame);
  legendScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  legendScroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  // A row of buttons and room for the scroll bar under it.
  const int rowHeight = QToolButton().sizeHint().height();
  legendScroll->setFixedHeight(rowHeight + legendScroll->horizontalScrollBar()->sizeHint().height() + 6);
  readout_ = new QLabel;
  readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  readout_->setWordWrap(true);

  auto* chartsHost = new QWidget;
  grid_ = new QGridLayout(chartsHost);
  grid_->setColumnStretch(0, 1);
  grid_->setColumnStretch(1, 1);
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setWidget(chartsHost);

  auto* settingsPage = new QWidget;
  onlyDiffering_ = new QCheckBox(tr("Only the settings that differ"));
  onlyDiffering_->setChecked(true);
  settings_ = new QTableWidget;
  settings_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  settings_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* settingsLayout = new QVBoxLayout(settingsPage);
  settingsLayout->addWidget(onlyDiffering_);
  settingsLayout->addWidget(settings_, 1);

  auto* pages = new QTabWidget;
  pages->addTab(scroll, tr("Charts"));
  pages->addTab(settingsPage, tr("Settings"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(legendScroll);
  layout->addWidget(readout_);
  layout->addWidget(pages, 1);

  connect(xMode_, &QComboBox::currentIndexChanged, this, [this](int index) { setByEpoch(index == 1); });
  connect(smoothingSlider_, &QSlider::valueChanged, this, [this](int value) { setSmoothing(value / 100.0); });
  connect(onlyDiffering_, &QCheckBox::toggled, this, &RunComparison::rebuildSettings);
  connect(exportButton, &QPushButton::clicked, this, [this] {
    FigureExportDialog dialog(FigureExportDialog::Target::Folder, QStringLiteral("dino-studio-comparison"), this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    const QStringList written =
        exportAll(dialog.path(), dialog.figureWidth(), dialog.figureHeight(), dialog.dpi(), &error);
    if (written.isEmpty())
      QMessageBox::warning(this, tr("Export"), error);
    else
      QMessageBox::information(this, tr("Export"),
                               tr("%n file(s) written to %1.", nullptr, static_cast<int>(written.size()))
                                   .arg(QDir::toNativeSeparators(dialog.path())));
  });
  rebuildCharts();
}

RunComparison::~RunComparison() = default;

void RunComparison::setRuns(QList<Run> runs) {
  runs_ = std::move(runs);
  visible_ = QList<bool>(runs_.size(), true);
  rebuildLegend();
  rebuildCharts();
  rebuildSettings();
}

void RunComparison::updateRuns(QList<Run> runs) {
  bool same = runs.size() == runs_.size();
  for (int r = 0; same && r < runs.size(); ++r)
    same = runs[r].folder == runs_[r].folder && runs[r].name == runs_[r].name &&
           runs[r].settings == runs_[r].settings && !runs[r].rewound && runs[r].steps.size() >= runs_[r].steps.size() &&
           runs[r].knn.size() >= runs_[r].knn.size();
  if (!same) {
    setRuns(std::move(runs));
    return;
  }
  std::vector<std::pair<size_t, size_t>> known;
  for (const Run& run : runs_) known.emplace_back(run.steps.size(), run.knn.size());
  runs_ = std::move(runs);
  for (int r = 0; r < runs_.size(); ++r)
    appendToCharts(r, known[static_cast<size_t>(r)].first, known[static_cast<size_t>(r)].second);
  for (auto* chart : charts_) {
    chart->autoRange();
    chart->requestReplot();
  }
}

void RunComparison::setRunVisible(int index, bool visible) {
  if (index < 0 || index >= visible_.size() || visible_[index] == visible) return;
  visible_[index] = visible;
  rebuildLegend();
  rebuildCharts();
}

void RunComparison::solo(int index) {
  if (index < 0 || index >= visible_.size()) return;
  const bool alreadyAlone = visible_[index] && visible_.count(true) == 1;
  for (int i = 0; i < visible_.size(); ++i) visible_[i] = alreadyAlone || i == index;
  rebuildLegend();
  rebuildCharts();
}

void RunComparison::setByEpoch(bool byEpoch) {
  if (byEpoch_ == byEpoch) return;
  byEpoch_ = byEpoch;
  cursor_ = qQNaN();  // a step number means nothing on an epoch axis
  xMode_->setCurrentIndex(byEpoch ? 1 : 0);
  rebuildCharts();
}

void RunComparison::setSmoothing(double weight) {
  smoothing_ = weight;
  for (int m = 0; m < charts_.size(); ++m) {
    if (metrics_[static_cast<size_t>(m)].fromKnn) continue;  // a few evaluations, each one shown as it is
    charts_[m]->setSmoothing(weight);
    charts_[m]->requestReplot();
  }
}

void RunComparison::setCursor(double x) {
  cursor_ = x;
  for (auto* chart : charts_) {
    chart->setCursor(x);
    chart->requestReplot();
  }
  readout_->setText(cursorReadout().replace(QLatin1Char('\n'), QStringLiteral("; ")));
}

QString RunComparison::cursorReadout() const {
  if (std::isnan(cursor_) || charts_.isEmpty()) return {};
  // The loss of each visible run there, and only of runs whose steps reach that far: a run that
  // ended before the cursor has no value at it.
  QString text =
      QStringLiteral("%1 %2").arg(byEpoch_ ? tr("epoch") : tr("step")).arg(cursor_, 0, 'g', byEpoch_ ? 4 : 12);
  int series = 0;
  for (int r = 0; r < runs_.size(); ++r) {
    if (!visible_[r]) continue;
    const Run& run = runs_[r];
    const double value = charts_.front()->valueAt(series++, cursor_);
    if (run.steps.empty() || xOf(run.steps.back()) < cursor_ || !std::isfinite(value)) continue;
    text += QStringLiteral("\n%1: %2").arg(run.name).arg(value, 0, 'g', 5);
  }
  return text;
}

double RunComparison::xOf(const MetricRecord& record) const {
  const double iteration = static_cast<double>(record.iteration);
  if (!byEpoch_) return iteration;
  // A k-NN record's epoch is the number of epochs trained before it (0: at the start).
  if (record.kind == MetricRecord::Kind::Knn) return static_cast<double>(record.epoch);
  return record.steps_per_epoch > 0 ? iteration / static_cast<double>(record.steps_per_epoch)
                                    : static_cast<double>(record.epoch);
}

void RunComparison::rebuildCharts() {
  for (auto* chart : charts_) chart->deleteLater();
  charts_.clear();
  for (size_t m = 0; m < metrics_.size(); ++m) {
    const Metric& metric = metrics_[m];
    auto* chart = new MetricChart(metric.title, metric.axis);
    chart->setExportName(metric.id);
    chart->setXLabel(byEpoch_ ? tr("epoch") : tr("step"));
    chart->setWholeNumberTicks(!byEpoch_);
    for (int r = 0; r < runs_.size(); ++r)
      if (visible_[r]) chart->addSeries(runs_[r].name, runColour(r), MetricChart::Axis::Left, metric.fromKnn);
    chart->setSmoothing(metric.fromKnn ? 0 : smoothing_);
    chart->setCursor(cursor_);
    connect(chart, &MetricChart::cursorRequested, this, &RunComparison::setCursor);
    grid_->addWidget(chart, static_cast<int>(m / 2), static_cast<int>(m % 2));
    charts_ << chart;
  }
  for (int r = 0; r < runs_.size(); ++r) appendToCharts(r, 0, 0);
  for (auto* chart : charts_) {
    chart->autoRange();
    chart->requestReplot();
  }
  readout_->setText(cursorReadout().replace(QLatin1Char('\n'), QStringLiteral("; ")));
}

void RunComparison::appendToCharts(int r, size_t firstStep, size_t firstKnn) {
  if (!visible_[r]) return;
  const int series = static_cast<int>(std::count(visible_.begin(), visible_.begin() + r, true));
  const Run& run = runs_[r];
  for (size_t m = 0; m < metrics_.size(); ++m) {
    const Metric& metric = metrics_[m];
    const auto& records = metric.fromKnn ? run.knn : run.steps;
    const size_t first = metric.fromKnn ? firstKnn : firstStep;
    if (first >= records.size()) continue;
    QVector<double> xs, ys;
    xs.reserve(static_cast<qsizetype>(records.size() - first));
    ys.reserve(static_cast<qsizetype>(records.size() - first));
    for (size_t i = first; i < records.size(); ++i) {
      xs << xOf(records[i]);
      ys << metric.value(records[i]);
    }
    charts_[static_cast<int>(m)]->appendPoints(series, xs, ys);
  }
}

void RunComparison::rebuildLegend() {
  while (QLayoutItem* item = legend_->takeAt(0)) {
    // Later: the box or button clicked may be the one emitting now.
    if (item->widget()) item->widget()->deleteLater();
    delete item;
  }
  if (runs_.isEmpty()) {
    legend_->addWidget(new QLabel(tr("Select runs in the table above to compare them (Ctrl or Shift for several).")));
    return;
  }
  for (int r = 0; r < runs_.size(); ++r) {
    auto* box = new QCheckBox(runs_[r].name);
    box->setIcon(swatch(runColour(r)));
    box->setChecked(visible_[r]);
    box->setToolTip(tr("Show or hide %1 on every chart").arg(runs_[r].name));
    connect(box, &QCheckBox::toggled, this, [this, r](bool on) { setRunVisible(r, on); });
    legend_->addWidget(box);
    auto* only = new QToolButton;
    only->setText(tr("only"));
    only->setToolTip(tr("Show %1 alone; again: every run").arg(runs_[r].name));
    connect(only, &QToolButton::clicked, this, [this, r] { solo(r); });
    legend_->addWidget(only);
    legend_->addSpacing(12);
  }
  legend_->addStretch(1);
}

void RunComparison::rebuildSettings() {
  QList<RunSummary> summaries;
  for (const Run& run : runs_) {
    RunSummary summary;
    summary.settings = run.settings;
    summary.status = RunStatus::Finished;
    summaries << summary;
  }
  const QStringList differing = run_summary::differingSettings(summaries);
  QStringList keys = differing;
  if (!onlyDiffering_->isChecked())
    for (const Run& run : runs_)
      for (const QString& key : run.settings.keys())
        if (!keys.contains(key)) keys << key;
  settings_->clear();
  settings_->setRowCount(static_cast<int>(keys.size()));
  settings_->setColumnCount(static_cast<int>(runs_.size()));
  QStringList names;
  for (const Run& run : runs_) names << run.name;
  settings_->setHorizontalHeaderLabels(names);
  settings_->setVerticalHeaderLabels(keys);
  for (int c = 0; c < runs_.size(); ++c)
    if (auto* header = settings_->horizontalHeaderItem(c)) header->setIcon(swatch(runColour(c)));
  for (int row = 0; row < keys.size(); ++row) {
    const bool differs = differing.contains(keys[row]);
    for (int c = 0; c < runs_.size(); ++c) {
      auto* item = new QTableWidgetItem(run_summary::valueText(runs_[c].settings.value(keys[row])));
      if (differs) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setBackground(palette().color(QPalette::Highlight).lighter(170));
        item->setForeground(palette().color(QPalette::Text));
      }
      settings_->setItem(row, c, item);
    }
  }
}

bool RunComparison::writeCsv(int metric, const QString& file, QString* error) const {
  const Metric& spec = metrics_[static_cast<size_t>(metric)];
  QList<int> shown;
  for (int r = 0; r < runs_.size(); ++r)
    if (visible_[r]) shown << r;
  // Every x any run has, in order; a run without a value there leaves its cell empty.
  std::map<double, QStringList> rows;
  for (int column = 0; column < shown.size(); ++column) {
    const Run& run = runs_[shown[column]];
    for (const auto& record : spec.fromKnn ? run.knn : run.steps) {
      const double value = spec.value(record);
      if (!std::isfinite(value)) continue;
      QStringList& row = rows[xOf(record)];
      if (row.isEmpty()) row = QStringList(shown.size());
      row[column] = QString::number(value, 'g', 9);
    }
  }
  QSaveFile out(file);  // whole or not at all
  if (!out.open(QIODevice::WriteOnly)) {
    if (error) *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
    return false;
  }
  QTextStream text(&out);
  const auto quoted = [](QString cell) {
    return QLatin1Char('"') + cell.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
  };
  text << (byEpoch_ ? "epoch" : "step");
  for (int r : shown) text << ',' << quoted(runs_[r].name);
  text << '\n';
  for (const auto& [x, cells] : rows)
    text << QString::number(x, 'g', 12) << ',' << cells.join(QLatin1Char(',')) << '\n';
  text.flush();
  if (!out.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
    return false;
  }
  return true;
}

QStringList RunComparison::exportAll(const QString& folder, int width, int height, double dpi, QString* error) const {
  QStringList written = MetricChart::exportCharts(charts_, folder, width, height, dpi, error);
  if (written.isEmpty()) return {};
  for (int m = 0; m < static_cast<int>(metrics_.size()); ++m) {
    // The CSV beside its figures, named as they are.
    const QString csv = QDir(folder).filePath(metrics_[static_cast<size_t>(m)].id + QStringLiteral(".csv"));
    if (!writeCsv(m, csv, error)) return {};
    written << csv;
  }
  return written;
}
