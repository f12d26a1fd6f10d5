// The runs under a few root folders, kept current: every folder within three levels of a root that
// holds config.json and metrics.jsonl (or train.log, before the first record) is a run. Reading them (their
// metrics.jsonl may hold a million lines) happens off the GUI thread, again every few seconds while the Runs tab
// watches, and then only what each run's files gained.
#pragma once

#include "runs/run_summary.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <memory>

class RunCatalog : public QObject {
  Q_OBJECT

 public:
  explicit RunCatalog(QObject* parent = nullptr);

  // Read at the next refresh().
  void setRoots(const QStringList& roots) { roots_ = roots; }
  QStringList roots() const { return roots_; }
  // Reads every run again now (or as soon as the reading under way is done).
  void refresh();
  // The one thread the readings run on (also the Runs tab's comparison's): the cores are the
  // training's, and the app's other background work has the global pool.
  QThreadPool* pool() { return &pool_; }
  // Re-reads every `ms` milliseconds while on (the tab is shown); 0 stops.
  void setRefreshInterval(int ms);
  const QList<RunSummary>& runs() const { return runs_; }

  // The run folders under `roots`, sorted; public for tests.
  static QStringList findRunFolders(const QStringList& roots);

 Q_SIGNALS:
  void runsChanged();

 private:
  void onRead();

  QThreadPool pool_;  // first: destroyed last, once the reading in flight is done
  QStringList roots_;
  QStringList readingRoots_;  // of the reading in flight: a result for other roots is not shown
  QList<RunSummary> runs_;
  std::shared_ptr<QHash<QString, std::shared_ptr<RunReader>>> readers_ =
      std::make_shared<QHash<QString, std::shared_ptr<RunReader>>>();
  QFutureWatcher<QList<RunSummary>> reading_;
  bool again_ = false;  // refresh() came while reading
  QTimer timer_;
};
