// The DINO backbones the reference released (its README's table of pretrained models), for the
// welcome page: what each is, how it scored on ImageNet, and where its files are.
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

struct ReleasedModel {
  QString name;  // "ViT-S/16"
  QString arch;  // the --arch it loads as
  int patchSize = 16;
  qint64 parameters = 0;  // of the backbone
  double knnTop1 = 0;     // ImageNet top-1, %
  double linearTop1 = 0;  // ImageNet top-1 of the linear probe, %
  QUrl backbone;          // the teacher backbone's weights
  QUrl fullCheckpoint;    // student and teacher with their heads, the optimizer: for resuming

  // The backbone file's size: its float32 weights (the pickle around them adds a few kB).
  qint64 backboneBytes() const { return parameters * 4; }
};

// ViT-S/16, ViT-S/8, ViT-B/16 and ViT-B/8, in the reference README's order.
const QList<ReleasedModel>& releasedModels();

// Where downloads go: "dino-studio/models" in the user's data folder (QStandardPaths).
QString downloadedModelsFolder();
// The local file a URL is downloaded to.
QString downloadedFile(const QUrl& url);
