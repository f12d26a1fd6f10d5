#include "runs/run_catalog.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent>

namespace {

constexpr int kDepth = 3;  // a root, its folders and theirs: runs/<experiment>/<seed> at most

// config.json and metrics.jsonl; or config.json and train.log, a run that stopped (or failed)
// before its first record.
bool isRunFolder(const QDir& dir) {
  return dir.exists(QStringLiteral("config.json")) &&
         (dir.exists(QStringLiteral("metrics.jsonl")) || dir.exists(QStringLiteral("train.log")));
}

void collect(const QDir& dir, int depth, QStringList& out) {
  if (isRunFolder(dir)) {
    out << dir.absolutePath();
    return;  // a run's own subfolders (evaluations/) are not runs
  }
  if (depth == 0) return;
  for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable))
    collect(QDir(dir.filePath(sub)), depth - 1, out);
}

}  // namespace

RunCatalog::RunCatalog(QObject* parent) : QObject(parent) {
  pool_.setMaxThreadCount(1);
  connect(&reading_, &QFutureWatcher<QList<RunSummary>>::finished, this, &RunCatalog::onRead);
  connect(&timer_, &QTimer::timeout, this, &RunCatalog::refresh);
}

void RunCatalog::setRefreshInterval(int ms) {
  if (ms <= 0) {
    timer_.stop();
    return;
  }
  timer_.start(ms);
}

QStringList RunCatalog::findRunFolders(const QStringList& roots) {
  QStringList folders;
  for (const QString& root : roots) collect(QDir(root), kDepth, folders);
  folders.removeDuplicates();  // nested roots
  folders.sort();
  return folders;
}

void RunCatalog::refresh() {
  if (reading_.isRunning()) {
    again_ = true;
    return;
  }
  again_ = false;
  readingRoots_ = roots_;
  // The readers are used by one reading at a time, on its thread: each reads what its run gained.
  reading_.setFuture(QtConcurrent::run(&pool_, [roots = roots_, readers = readers_] {
    QList<RunSummary> runs;
    const QDateTime now = QDateTime::currentDateTime();
    const QStringList folders = findRunFolders(roots);
    for (const QString& folder : folders) {
      auto& reader = (*readers)[folder];
      if (!reader) reader = std::make_shared<RunReader>(folder);
      runs << reader->read(now);
    }
    for (auto it = readers->begin(); it != readers->end();)  // runs gone, or no longer listed
      it = folders.contains(it.key()) ? std::next(it) : readers->erase(it);
    return runs;
  }));
}

void RunCatalog::onRead() {
  if (readingRoots_ != roots_) {  // the folders changed while it read
    refresh();
    return;
  }
  runs_ = reading_.result();
  Q_EMIT runsChanged();
  if (again_) refresh();
}
