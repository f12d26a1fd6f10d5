// The Evaluate tab: k-NN or the linear probe on the run's last checkpoint or any weights file,
// run by the `dino` command line in a child process (EvaluationProcess), with the probe's accuracy
// drawn epoch by epoch and a table of the evaluations kept beside the run (evaluations.jsonl).
#pragma once

#include "evaluate/evaluation_process.h"

#include <QWidget>

class MetricChart;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

class EvaluatePanel : public QWidget {
  Q_OBJECT

 public:
  explicit EvaluatePanel(QWidget* parent = nullptr);

  // The run on display: its checkpoint.pth is offered, its data is the default, and its folder keeps
  // the evaluations. An empty folder keeps them in the app's data folder. `depth`, when known, keeps
  // the probe's last blocks within the model's.
  void setRun(const QString& runFolder, const QString& dataPath, int depth = 0);
  QString storeFolder() const;

  EvaluationProcess* process() { return &process_; }
  QTableWidget* table() const { return table_; }
  MetricChart* chart() const { return chart_; }
  const QList<EvaluationRecord>& records() const { return records_; }
  QString summary() const { return evaluationSummary(records_); }
  QString statusText() const;  // the line under the buttons: progress, the result or why not

  // The form as a request; false with `error` naming the field when it is incomplete.
  bool request(EvaluationRequest* request, QString* error) const;
  // Form fields, for tests and for the welcome page's shortcuts.
  void setModelFile(const QString& file);  // "a weights file" with this file
  void useRunCheckpoint();                 // "the run's last checkpoint"
  void setDataPath(const QString& path);
  void setMethod(const QString& method);  // "knn" or "linear"
  void setKnn(const QList<int>& ks);
  void setLinear(int epochs, double lr, int batchSize, int nLastBlocks, bool cacheFeatures);

 public Q_SLOTS:
  bool startEvaluation();  // false, after saying why in the status line, when it cannot start
  void stopEvaluation();

 Q_SIGNALS:
  void evaluationsChanged(const QString& summary);  // a record was added or another run shown

 private:
  void onFinished(const EvaluationRecord& record);
  void reloadTable();
  void showProbeCurve(const EvaluationRecord& record);  // from its log.txt
  void updateControls();
  void setStatus(const QString& text);
  // The method and its flags as the user last ran them (QSettings "Evaluate/..."); the model and
  // data follow the run shown.
  void saveFields() const;
  void restoreFields();
  static QString figureName(const EvaluationRecord& record);  // "k-NN (k = 20)", "linear probe"

  EvaluationProcess process_;
  QString runFolder_;
  bool shownOnce_ = false;
  QString activeStore_;   // where the running evaluation's record goes
  QString activeOutput_;  // the running probe's folder
  QRadioButton* runCheckpoint_ = nullptr;
  QRadioButton* otherFile_ = nullptr;
  QLabel* runCheckpointPath_ = nullptr;
  QLineEdit* modelFile_ = nullptr;
  QComboBox* checkpointKey_ = nullptr;
  QLineEdit* dataPath_ = nullptr;
  QRadioButton* knn_ = nullptr;
  QRadioButton* linear_ = nullptr;
  QStackedWidget* methodPages_ = nullptr;
  QLineEdit* nbKnn_ = nullptr;
  QDoubleSpinBox* temperature_ = nullptr;
  QSpinBox* epochs_ = nullptr;
  QDoubleSpinBox* lr_ = nullptr;
  QSpinBox* batchSize_ = nullptr;
  QSpinBox* nLastBlocks_ = nullptr;
  QCheckBox* avgpool_ = nullptr;
  QCheckBox* cacheFeatures_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* stop_ = nullptr;
  QLabel* status_ = nullptr;
  MetricChart* chart_ = nullptr;
  int top1Series_ = -1, top5Series_ = -1;
  QTableWidget* table_ = nullptr;
  QList<EvaluationRecord> records_;
};
