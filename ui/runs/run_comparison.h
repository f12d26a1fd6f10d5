// Several runs on the same charts: one colour per run, the same on every chart; steps or epochs
// on the x axis (each run's own epoch length, so runs of different batch sizes line up by epoch);
// smoothing alike; a shared cursor with every run's value read out; a run hidden, or shown alone,
// with a click; the runs' settings side by side with those that differ marked; and the figures,
// with a CSV per chart that has a column per run, exported.
#pragma once

#include "runs/run_summary.h"

#include <dino/session/metric_record.h>

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QWidget>

#include <functional>
#include <vector>

class MetricChart;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QSlider;
class QTableWidget;

class RunComparison : public QWidget {
  Q_OBJECT

 public:
  struct Run {
    QString name, folder;
    QJsonObject settings;
    std::vector<dino::MetricRecord> steps, knn;
    qint64 metricsOffset = 0;  // where the records read so far end in metrics.jsonl
    bool rewound = false;      // the last read cut steps a resumed session trained again
  };
  // A run's records from its metrics.jsonl (a last line still being written is left out). Slow for
  // long runs: call it off the GUI thread.
  static Run load(const RunSummary& summary);
  // The records appended since `run` was read; the whole file again when it shrank (a new run).
  static void readMore(Run& run);
  // The colour of the run at `index` in the comparison (colour-blind-safe, then repeating).
  static QColor runColour(int index);

  explicit RunComparison(QWidget* parent = nullptr);
  ~RunComparison() override;

  void setRuns(QList<Run> runs);
  // The same runs read further: only their new points are added to the charts (a run of a million
  // steps is not drawn again from its start every few seconds). Other runs: setRuns().
  void updateRuns(QList<Run> runs);
  const QList<Run>& runs() const { return runs_; }
  int runCount() const { return static_cast<int>(runs_.size()); }
  void setRunVisible(int index, bool visible);
  void solo(int index);  // this run alone; again: every run
  bool runVisible(int index) const { return visible_.value(index, false); }

  void setByEpoch(bool byEpoch);
  void setSmoothing(double weight);  // 0 .. 0.99, as the dashboard's
  void setCursor(double x);          // in the x axis's unit; NaN hides it
  // "step 120" then each visible run's loss there, a line each.
  QString cursorReadout() const;

  const QList<MetricChart*>& charts() const { return charts_; }
  QTableWidget* settingsTable() const { return settings_; }

  // Every chart's figures (PNG, SVG, PDF) and <chart>.csv: the x values of every visible run in
  // the first column, then a column per visible run. The files written, or empty with `error`.
  QStringList exportAll(const QString& folder, int width, int height, double dpi, QString* error) const;

 private:
  struct Metric {
    QString id;  // its files' name: loss.png, loss.csv
    QString title, axis;
    bool fromKnn = false;
    std::function<double(const dino::MetricRecord&)> value;
  };
  double xOf(const dino::MetricRecord& record) const;
  void rebuildCharts();
  // Adds run `r`'s steps from `firstStep` and k-NN records from `firstKnn` to every chart.
  void appendToCharts(int r, size_t firstStep, size_t firstKnn);
  void rebuildLegend();
  void rebuildSettings();
  bool writeCsv(int metric, const QString& file, QString* error) const;

  std::vector<Metric> metrics_;
  QList<Run> runs_;
  QList<bool> visible_;
  bool byEpoch_ = false;
  double smoothing_ = 0.6;
  double cursor_;
  QList<MetricChart*> charts_;
  QGridLayout* grid_ = nullptr;
  QHBoxLayout* legend_ = nullptr;
  QComboBox* xMode_ = nullptr;
  QSlider* smoothingSlider_ = nullptr;
  QCheckBox* onlyDiffering_ = nullptr;
  QLabel* readout_ = nullptr;
  QTableWidget* settings_ = nullptr;
};
