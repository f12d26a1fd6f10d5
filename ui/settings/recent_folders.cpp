#include "settings/recent_folders.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace recent_folders {

QString last(const QString& kind) {
  const QString folder = QSettings().value(QStringLiteral("Folders/") + kind).toString();
  return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

void remember(const QString& kind, const QString& path) {
  if (path.isEmpty()) return;
  const QFileInfo info(path);
  QSettings().setValue(QStringLiteral("Folders/") + kind, info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString suggest(const QString& kind, const QString& fileName) { return QDir(last(kind)).filePath(fileName); }

}  // namespace recent_folders
