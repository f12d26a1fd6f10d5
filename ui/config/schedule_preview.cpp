#include "config/schedule_preview.h"

#include <dino/api/training_run.h>

#include "dashboard/metric_chart.h"
#include "dashboard/plot_export.h"
#include "dashboard/plot_palette.h"
#include "qcustomplot_include.h"

#include <QLabel>
#include <QMenu>
#include <QVBoxLayout>

#include <algorithm>

SchedulePreview::SchedulePreview(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  summary_ = new QLabel;
  summary_->setWordWrap(true);
  layout->addWidget(summary_);
  plot_ = new QCustomPlot;
  layout->addWidget(plot_, 1);
  plot_->plotLayout()->clear();
  const QStringList names = {tr("learning rate"), tr("weight decay"), tr("teacher momentum"),
                             tr("teacher temperature")};
  const QList<QColor> colours = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115), QColor(213, 94, 0)};
  for (int i = 0; i < names.size(); ++i) {
    auto* rect = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(i, 0, rect);
    rect->axis(QCPAxis::atLeft)->setLabel(names[i]);
    rect->axis(QCPAxis::atBottom)->setLabel(i == names.size() - 1 ? tr("iteration") : QString());
    auto* graph = plot_->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setPen(QPen(colours[i], 1.5));
    rects_.append(rect);
  }
  // The frozen last-layer window, shaded on the learning-rate plot.
  auto* frozen = frozen_ = new QCPItemRect(plot_);
  frozen->setClipAxisRect(rects_[0]);
  frozen->topLeft->setAxes(rects_[0]->axis(QCPAxis::atBottom), rects_[0]->axis(QCPAxis::atLeft));
  frozen->bottomRight->setAxes(rects_[0]->axis(QCPAxis::atBottom), rects_[0]->axis(QCPAxis::atLeft));
  frozen->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
  frozen->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
  frozen->setPen(Qt::NoPen);
  frozen->setBrush(QColor(120, 120, 120, 50));
  // Its colours follow the palette (View > Appearance), and exports draw it on white.
  applyPlotPalette(*plot_, plot_->palette());
  plot_->installEventFilter(this);
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(plot_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
    QMenu menu(plot_);
    menu.addAction(tr("Export Figure..."), this, [this] { exportPlotInteractively(*plot_, tr("Schedules")); });
    menu.exec(plot_->mapToGlobal(at));
  });
}

void SchedulePreview::update(const dino::TrainingConfig& settings, qint64 images) {
  dino::run_settings::SchedulePreview preview;
  try {
    preview = dino::run_settings::preview_schedules(settings, images);
  } catch (const std::exception& e) {
    summary_->setText(tr("No preview: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  if (preview.lr.empty()) {
    summary_->setText(tr("No preview: the data set has fewer images than one batch, or there are no epochs."));
    for (int i = 0; i < 4; ++i) plot_->graph(i)->data()->clear();
    plot_->replot();
    return;
  }
  const std::vector<double>* curves[] = {&preview.lr, &preview.weight_decay, &preview.momentum,
                                         &preview.teacher_temperature};
  double peak = 0;
  for (double v : preview.lr) peak = std::max(peak, v);
  for (int i = 0; i < 4; ++i) {
    const auto& values = *curves[i];
    QVector<double> x(static_cast<int>(values.size())), y(static_cast<int>(values.size()));
    for (size_t k = 0; k < values.size(); ++k) {
      x[static_cast<int>(k)] = static_cast<double>(k);
      y[static_cast<int>(k)] = values[k];
    }
    plot_->graph(i)->setData(x, y, true);
    plot_->graph(i)->rescaleAxes();
    // A constant schedule (the teacher temperature without warm-up) is drawn in a band around its
    // value, as the dashboard draws flat curves.
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    rects_[i]->axis(QCPAxis::atLeft)->setRange(MetricChart::paddedRange(*low, *high, false));
  }
  frozen_->setVisible(preview.frozen_last_layer_iterations > 0);
  frozen_->topLeft->setCoords(0, 0);
  frozen_->bottomRight->setCoords(static_cast<double>(preview.frozen_last_layer_iterations), 1);
  summary_->setText(
      tr("%1 iterations per epoch, %2 in all; peak learning rate %3 after the warm-up; the last layer "
         "is frozen for the first %4 iterations (shaded).")
          .arg(preview.iterations_per_epoch)
          .arg(preview.lr.size())
          .arg(peak, 0, 'g', 4)
          .arg(preview.frozen_last_layer_iterations) +
      (settings.time_budget.empty()
           ? QString()
           : QLatin1Char(' ') + tr("With the time budget (%1) the run plans when it starts: fewer images an "
                                   "epoch, or more epochs; this shows --epochs %2 of all the images.")
                                    .arg(QString::fromStdString(settings.time_budget))
                                    .arg(settings.epochs)));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

int SchedulePreview::pointCount() const { return plot_->graph(0)->dataCount(); }

double SchedulePreview::valueAt(int curve, int iteration) const {
  const auto data = plot_->graph(curve)->data();
  if (iteration < 0 || iteration >= data->size()) return qQNaN();
  return (data->constBegin() + iteration)->value;
}

bool SchedulePreview::eventFilter(QObject* watched, QEvent* event) {
  if (watched == plot_ && event->type() == QEvent::PaletteChange) {
    applyPlotPalette(*plot_, plot_->palette());
    plot_->replot(QCustomPlot::rpQueuedReplot);
  }
  return QWidget::eventFilter(watched, event);
}
