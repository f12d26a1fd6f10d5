// The live dashboard: every chart of a run (loss; lr and weight decay; teacher temperature and
// momentum; centre statistics; the collapse monitor with ln K; k-NN accuracy; throughput and
// memory), one step cursor shared by all, by step or by epoch, smoothing, log scale, a collapse
// banner that says what to change, and export of every figure and of the metrics.
#pragma once

#include "dashboard/metric_history.h"
#include "training/metric_types.h"

#include <dino/session/collapse_monitor.h>

#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class MetricChart;
class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

class Dashboard : public QWidget {
  Q_OBJECT

 public:
  explicit Dashboard(QWidget* parent = nullptr);
  ~Dashboard() override;

  void addRecords(const MetricRecords& records);
  void clear();
  // K of the head: ln K is the ceiling of the teacher's entropy (collapse chart).
  void setOutputDim(int64_t outDim);

  void setByEpoch(bool byEpoch);
  void setSmoothing(double weight);  // 0 .. 0.99
  void setLogScale(bool on);         // loss and learning-rate charts
  void setCursor(double iteration);  // NaN hides it
  double cursor() const { return cursor_; }
  int64_t stepsPerEpoch() const { return stepsPerEpoch_; }  // from the records; 0 before any

  const MetricHistory& history() const { return history_; }
  const QList<MetricChart*>& charts() const { return charts_; }
  dino::CollapseKind collapseKind() const { return monitor_ ? monitor_->status().kind : dino::CollapseKind::None; }
  QString bannerText() const;
  // "k-NN 67.32% top-1, linear probe 57.80% top-1" (evaluationSummary), shown beside the controls;
  // empty hides it.
  void setEvaluationSummary(const QString& summary);
  QString evaluationText() const;

  // Writes <folder>/<chart>.png/.svg/.pdf for every chart and metrics.csv; returns the files
  // written, or an empty list with `error` set.
  QStringList exportAll(const QString& folder, int width, int height, double dpi, QString* error);

 Q_SIGNALS:
  void cursorChanged(double iteration);

 private:
  struct SeriesSpec {
    QString name;
    QColor colour;
    bool rightAxis = false;
    bool fromKnn = false;
    std::function<double(const dino::MetricRecord&)> value;
  };
  struct ChartSpec {
    MetricChart* chart = nullptr;
    std::vector<SeriesSpec> series;
  };
  // `exportName`: its files' name in every language (loss.png).
  void addChart(const QString& exportName, const QString& title, const QString& left, const QString& right,
                std::vector<SeriesSpec> series);
  // The history's step records from `firstStep` on and k-NN records from `firstKnn` on.
  void appendToCharts(size_t firstStep, size_t firstKnn);
  void rebuildCharts();
  double xOf(const dino::MetricRecord& r) const;
  void updateBanner();

  MetricHistory history_;
  std::vector<ChartSpec> specs_;
  QList<MetricChart*> charts_;
  std::unique_ptr<dino::CollapseMonitor> monitor_;
  int64_t outDim_ = 0;
  int64_t stepsPerEpoch_ = 0;
  bool byEpoch_ = false;
  double cursor_;
  QTimer replotTimer_;
  QLabel* banner_ = nullptr;
  QLabel* evaluations_ = nullptr;
  QComboBox* xMode_ = nullptr;
  QSlider* smoothing_ = nullptr;
  QCheckBox* logScale_ = nullptr;
};
