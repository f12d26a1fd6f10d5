#include "welcome/released_models.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace {

QUrl releaseFile(const QString& folder, const QString& file) {
  return QUrl(QStringLiteral("https://dl.fbaipublicfiles.com/dino/%1/%2").arg(folder, file));
}

ReleasedModel model(const QString& name, const QString& arch, int patch, qint64 parameters, double knn, double linear,
                    const QString& folder) {
  return {name,
          arch,
          patch,
          parameters,
          knn,
          linear,
          releaseFile(folder, folder + QStringLiteral(".pth")),
          releaseFile(folder, folder + QStringLiteral("_full_checkpoint.pth"))};
}

}  // namespace

const QList<ReleasedModel>& releasedModels() {
  // Accuracies from the reference README; parameter counts from the architectures' shapes
  // (docs/reference.md, the ViT section). The reference publishes no checksums for these files.
  static const QList<ReleasedModel> models{
      model(QStringLiteral("ViT-S/16"), QStringLiteral("vit_small"), 16, 21'665'664, 74.5, 77.0,
            QStringLiteral("dino_deitsmall16_pretrain")),
      model(QStringLiteral("ViT-S/8"), QStringLiteral("vit_small"), 8, 21'670'272, 78.3, 79.7,
            QStringLiteral("dino_deitsmall8_pretrain")),
      model(QStringLiteral("ViT-B/16"), QStringLiteral("vit_base"), 16, 85'798'656, 76.1, 78.2,
            QStringLiteral("dino_vitbase16_pretrain")),
      model(QStringLiteral("ViT-B/8"), QStringLiteral("vit_base"), 8, 85'807'872, 77.4, 80.1,
            QStringLiteral("dino_vitbase8_pretrain")),
  };
  return models;
}

QString downloadedModelsFolder() {
  // ~/.local/share/dino-studio/models on Linux: named after the program, as the package is.
  return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
      .filePath(QStringLiteral("dino-studio/models"));
}

QString downloadedFile(const QUrl& url) {
  return QDir(downloadedModelsFolder()).filePath(QFileInfo(url.path()).fileName());
}
