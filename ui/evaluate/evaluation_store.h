// The evaluations of a run, kept beside it as evaluations.jsonl (one JSON object a line, appended
// as each evaluation ends), read back by the Evaluate tab and summarised on the dashboard.
#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <cmath>

// One k of a k-NN evaluation, as `dino knn` prints it (percent).
struct KnnFigure {
  int k = 0;
  double top1 = NAN, top5 = NAN;
  bool operator==(const KnnFigure&) const = default;
};

struct EvaluationRecord {
  QDateTime when;         // when it ended
  QString method;         // "knn" or "linear"
  QString model;          // the weights or checkpoint file
  QString checkpointKey;  // teacher or student
  QString data;           // the data it was measured on
  QString settings;       // the flags that matter: "k 10 20 100 200, T 0.07", "100 epochs, lr 0.001, ..."
  QList<KnnFigure> knn;   // k-NN: every k's figures
  int bestEpoch = -1;     // the probe's best validated epoch
  double top1 = NAN;      // percent: k-NN at k = 20 (or the first k), the probe's best epoch
  double top5 = NAN;
  double seconds = 0;    // how long it ran
  QString outputFolder;  // the probe's checkpoint and log.txt; empty for k-NN
};

// "evaluations.jsonl" in `folder`.
QString evaluationsFile(const QString& folder);
// Every record of `folder`, oldest first; lines that do not parse (a line being written, an edit by
// hand) are skipped.
QList<EvaluationRecord> loadEvaluations(const QString& folder);
// Appends one line; false with `error` naming the file when it cannot be written.
bool appendEvaluation(const QString& folder, const EvaluationRecord& record, QString* error = nullptr);
// "k-NN 67.32% top-1 (20-NN), linear probe 57.80% top-1": the latest of each method, for the
// dashboard; empty when there are none.
QString evaluationSummary(const QList<EvaluationRecord>& records);
// The k whose accuracy a k-NN record's top-1 is: 20 when it was asked for (the reference reports
// it), else the first; 0 for a probe.
int figureK(const EvaluationRecord& record);
// "k-NN" or "linear probe", translated.
QString methodName(const QString& method);
// "10-NN 67.05% (top-5 94.99%), 20-NN ..." or "best at epoch 7", in the interface's language.
QString evaluationDetails(const EvaluationRecord& record);
