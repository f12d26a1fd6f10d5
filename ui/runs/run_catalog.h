// The runs under a few root folders, kept current: every folder within three levels of a root that
// holds config.json and metrics.jsonl is a run. Reading them (their metrics.jsonl may hold a
// million lines) happens off the GUI thread, again every few seconds while the Runs tab watches.
#pragma once

#include "runs/run_summary.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

class RunCatalog : public QObject {
  Q_OBJECT

 public:
  explicit RunCatalog(QObject* parent = nullptr);

  void setRoots(const QStringList& roots);
  QStringList roots() const { return roots_; }
  // Reads every run again now (or as soon as the reading under way is done).
  void refresh();
  // Re-reads every `ms` milliseconds while on (the tab is shown); 0 stops.
  void setRefreshInterval(int ms);
  const QList<RunSummary>& runs() const { return runs_; }

  // The run folders under `roots`, sorted; public for tests.
  static QStringList findRunFolders(const QStringList& roots);

 Q_SIGNALS:
  void runsChanged();

 private:
  void onRead();

  QStringList roots_;
  QList<RunSummary> runs_;
  QFutureWatcher<QList<RunSummary>> reading_;
  bool again_ = false;  // refresh() came while reading
  QTimer timer_;
};
