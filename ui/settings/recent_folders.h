// The folder each kind of file dialog opened last (QSettings "Folders/<kind>"), so that the next
// one starts there: weights, images, runs, settings, figures.
#pragma once

#include <QString>

namespace recent_folders {

// The folder last used for `kind`, or the home folder the first time (or when it is gone).
QString last(const QString& kind);
// Remembers `path`'s folder for `kind`: a folder itself, or the folder a file is in. Empty paths
// (a cancelled dialog) are ignored.
void remember(const QString& kind, const QString& path);
// `last(kind)` joined with a file name, for save dialogs.
QString suggest(const QString& kind, const QString& fileName);

}  // namespace recent_folders
