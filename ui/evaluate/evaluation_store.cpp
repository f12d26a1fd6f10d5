#include "evaluate/evaluation_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(); }
double number(const QJsonValue& value) { return value.isDouble() ? value.toDouble() : NAN; }

}  // namespace

QString evaluationsFile(const QString& folder) { return QDir(folder).filePath(QStringLiteral("evaluations.jsonl")); }

QList<EvaluationRecord> loadEvaluations(const QString& folder) {
  QList<EvaluationRecord> records;
  QFile file(evaluationsFile(folder));
  if (!file.open(QIODevice::ReadOnly)) return records;
  while (!file.atEnd()) {
    const QJsonDocument line = QJsonDocument::fromJson(file.readLine());
    if (!line.isObject()) continue;
    const QJsonObject o = line.object();
    EvaluationRecord r;
    r.when = QDateTime::fromString(o[QStringLiteral("when")].toString(), Qt::ISODate);
    r.method = o[QStringLiteral("method")].toString();
    if (!r.when.isValid() || (r.method != QLatin1String("knn") && r.method != QLatin1String("linear"))) continue;
    r.model = o[QStringLiteral("model")].toString();
    r.checkpointKey = o[QStringLiteral("checkpoint_key")].toString();
    r.data = o[QStringLiteral("data")].toString();
    r.settings = o[QStringLiteral("settings")].toString();
    for (const auto& row : o[QStringLiteral("knn")].toArray())
      r.knn.append({row.toArray().at(0).toInt(), number(row.toArray().at(1)), number(row.toArray().at(2))});
    r.bestEpoch = o[QStringLiteral("best_epoch")].toInt(-1);
    r.top1 = number(o[QStringLiteral("top1")]);
    r.top5 = number(o[QStringLiteral("top5")]);
    r.seconds = o[QStringLiteral("seconds")].toDouble();
    r.outputFolder = o[QStringLiteral("output_folder")].toString();
    records.append(r);
  }
  return records;
}

bool appendEvaluation(const QString& folder, const EvaluationRecord& r, QString* error) {
  QJsonArray knn;
  for (const auto& f : r.knn) knn.append(QJsonArray{f.k, number(f.top1), number(f.top5)});
  const QJsonObject o{{QStringLiteral("when"), r.when.toString(Qt::ISODate)},
                      {QStringLiteral("method"), r.method},
                      {QStringLiteral("model"), r.model},
                      {QStringLiteral("checkpoint_key"), r.checkpointKey},
                      {QStringLiteral("data"), r.data},
                      {QStringLiteral("settings"), r.settings},
                      {QStringLiteral("knn"), knn},
                      {QStringLiteral("best_epoch"), r.bestEpoch},
                      {QStringLiteral("top1"), number(r.top1)},
                      {QStringLiteral("top5"), number(r.top5)},
                      {QStringLiteral("seconds"), r.seconds},
                      {QStringLiteral("output_folder"), r.outputFolder}};
  QDir().mkpath(folder);
  QFile file(evaluationsFile(folder));
  QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
  // A file cut short (a full disk, an edit by hand) ends mid-line: start on a line of our own, so
  // only the broken line is lost, not this record with it.
  if (QFile existing(file.fileName()); existing.open(QIODevice::ReadOnly) && existing.size() > 0) {
    existing.seek(existing.size() - 1);
    if (existing.read(1) != "\n") line.prepend('\n');
  }
  // One write of a whole line: a reader never sees half a record unless the disk fills, and then
  // loadEvaluations skips the broken line.
  if (!file.open(QIODevice::Append) || file.write(line) < 0 || !file.flush()) {
    if (error)
      *error =
          QCoreApplication::translate("Evaluations", "Cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
  }
  return true;
}

QString methodName(const QString& method) {
  return method == QLatin1String("knn") ? QCoreApplication::translate("Evaluations", "k-NN")
                                        : QCoreApplication::translate("Evaluations", "linear probe");
}

int figureK(const EvaluationRecord& record) {
  int k = 0;
  for (const auto& f : record.knn)
    if (f.k == 20 || k == 0) k = f.k;
  return k;
}

QString evaluationDetails(const EvaluationRecord& r) {
  if (r.method == QLatin1String("linear"))
    return r.bestEpoch >= 0 ? QCoreApplication::translate("Evaluations", "best at epoch %1").arg(r.bestEpoch)
                            : QString();
  QStringList parts;
  for (const auto& f : r.knn)
    parts << (std::isfinite(f.top5) ? QCoreApplication::translate("Evaluations", "%1-NN %2% (top-5 %3%)")
                                          .arg(f.k)
                                          .arg(QLocale().toString(f.top1, 'f', 2), QLocale().toString(f.top5, 'f', 2))
                                    : QCoreApplication::translate("Evaluations", "%1-NN %2%")
                                          .arg(f.k)
                                          .arg(QLocale().toString(f.top1, 'f', 2)));
  return parts.join(QStringLiteral(", "));
}

QString evaluationSummary(const QList<EvaluationRecord>& records) {
  QStringList parts;
  for (const char* method : {"knn", "linear"}) {
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
      if (it->method != QLatin1String(method) || !std::isfinite(it->top1)) continue;
      const int k = figureK(*it);
      const QString figure = QCoreApplication::translate("Evaluations", "%1 %2% top-1")
                                 .arg(methodName(it->method), QLocale().toString(it->top1, 'f', 2));
      parts << (k > 0 ? QCoreApplication::translate("Evaluations", "%1 (%2-NN)").arg(figure).arg(k) : figure);
      break;
    }
  }
  return parts.join(QStringLiteral(", "));
}
