// One evaluation run by the `dino` command line in a child process (`dino knn` or `dino linear`,
// the same code and numbers as on a server): its arguments, its progress read from its output,
// the probe's accuracy after each validated epoch, and the record it ends with. A crash or an
// out-of-memory there leaves the app running, and Stop ends it at once.
#pragma once

#include "evaluate/evaluation_store.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>

struct EvaluationRequest {
  QString method = QStringLiteral("knn");  // or "linear"
  QString model;                           // weights or a training checkpoint
  QString checkpointKey = QStringLiteral("teacher");
  QString dataPath;
  // k-NN (eval_knn.py's flags)
  QList<int> nbKnn{10, 20, 100, 200};
  double temperature = 0.07;
  // linear probe (eval_linear.py's flags); features cached by default so a CPU finishes in minutes
  int epochs = 100;
  double lr = 0.001;
  int batchSize = 128;
  int nLastBlocks = 4;
  bool avgpoolPatchtokens = false;
  bool cacheFeatures = true;
  QString outputDir;  // the probe's checkpoint.pth.tar and log.txt

  QStringList arguments() const;  // the `dino` command line after the program
  QString settingsText() const;   // what the record keeps of the flags
};

class EvaluationProcess : public QObject {
  Q_OBJECT

 public:
  explicit EvaluationProcess(QObject* parent = nullptr);
  ~EvaluationProcess() override;

  // The `dino` beside this program, else the one on PATH; empty when there is none.
  static QString defaultProgram();
  void setProgram(const QString& program) { program_ = program; }
  QString program() const { return program_; }

  // False (with `error`) when one is running or the program is missing.
  bool start(const EvaluationRequest& request, QString* error = nullptr);
  void stop();  // ends the process; finished() is not emitted, stopped() is
  bool isRunning() const { return process_.state() != QProcess::NotRunning; }

 Q_SIGNALS:
  void progress(const QString& line);                                 // a line of its log
  void probePoint(int epoch, double top1, double top5, double loss);  // after each validation
  void finished(const EvaluationRecord& record);
  void failed(const QString& message);
  void stopped();

 private:
  void readOutput();
  void readErrors();
  void onFinished(int exitCode, QProcess::ExitStatus status);

  QString program_;
  QProcess process_;
  EvaluationRequest request_;
  QElapsedTimer clock_;
  QByteArray outBuffer_, errBuffer_;
  QStringList errorLines_;
  double pendingTop1_ = NAN, pendingTop5_ = NAN, pendingLoss_ = NAN;
  double bestTop1_ = NAN, bestTop5_ = NAN;
  int bestEpoch_ = -1;
  QList<KnnFigure> knnResults_;
  bool stopping_ = false;
};
