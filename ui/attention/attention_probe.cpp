#include "attention/attention_probe.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

QStringList probeCheckpoints(const QString& weightsFile) {
  const QDir folder = QFileInfo(weightsFile).dir();
  QStringList files = folder.entryList({QStringLiteral("checkpoint*.pth")}, QDir::Files, QDir::Name);
  if (files.removeAll(QStringLiteral("checkpoint.pth")) > 0) files.append(QStringLiteral("checkpoint.pth"));
  QStringList paths;
  for (const QString& f : files) paths << folder.filePath(f);
  return paths;
}

AttentionProbe computeProbe(const QStringList& checkpoints,
                            const std::function<dino::AttentionView(const dino::AttentionModel&)>& compute,
                            const std::function<bool()>& cancelled) {
  AttentionProbe probe;
  for (const QString& path : checkpoints) {
    if (cancelled && cancelled()) break;  // before loading the next checkpoint, which takes a while
    try {
      const auto model = dino::AttentionModel::from_weights(path.toStdString());
      probe.points.append({QFileInfo(path).fileName(), path, compute(*model), model->description()});
    } catch (const dino::AttentionCancelled&) {
      break;
    } catch (const std::exception& e) {
      // A checkpoint being written, of another model, or over the limits is left out, said why.
      probe.problems << QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what()));
    }
  }
  return probe;
}

int probeIndexAtIteration(const QList<AttentionProbePoint>& probe, int64_t iteration, int64_t stepsPerEpoch) {
  static const QRegularExpression numbered(QStringLiteral("^checkpoint(\\d+)\\.pth$"));
  int chosen = 0;  // before the first checkpoint: the earliest maps there are
  for (int i = 0; i < probe.size(); ++i) {
    const auto match = numbered.match(probe[i].label);
    if (match.hasMatch() && (match.captured(1).toLongLong() + 1) * stepsPerEpoch <= iteration) chosen = i;
  }
  return chosen;
}
