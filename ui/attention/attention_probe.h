// Attention through training: one image's maps at every checkpoint a run saved, to scrub through,
// and which of them a training step had (checkpointNNNN.pth is written after epoch NNNN).
#pragma once

#include <dino/api/attention_model.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

struct AttentionProbePoint {
  QString label;  // the file's name
  QString file;
  dino::AttentionView view;
  std::string model;  // AttentionModel::description() of that checkpoint's teacher
};

// checkpointNNNN.pth beside `weightsFile` in epoch order, then the latest checkpoint.pth.
QStringList probeCheckpoints(const QString& weightsFile);

struct AttentionProbe {
  QList<AttentionProbePoint> points;
  QStringList problems;  // why checkpoints were left out: unreadable (one being written), over the limits
};

// `compute` run with each checkpoint's teacher. Checkpoints that cannot be read (one being written,
// another model's) or that the limits refuse are left out and said why. Stops, with what it has,
// as soon as `cancelled` says so or `compute` throws AttentionCancelled. Runs on any thread.
AttentionProbe computeProbe(const QStringList& checkpoints,
                            const std::function<dino::AttentionView(const dino::AttentionModel&)>& compute,
                            const std::function<bool()>& cancelled = {});

// The point a training iteration would show: the last checkpoint saved by then, or the first.
int probeIndexAtIteration(const QList<AttentionProbePoint>& probe, int64_t iteration, int64_t stepsPerEpoch);
