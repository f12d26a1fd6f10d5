// The Runs tab: every run under the chosen folders, one row each, with its name (editable, kept in
// the run's run-name.txt), status, start, training time, progress, best k-NN accuracy, device and
// the settings in which it differs from the others listed. Refreshed every few seconds while shown;
// a double-click shows the run on the dashboard. The runs selected are compared below the table
// (RunComparison), and read again as they grow.
#pragma once

#include "runs/run_catalog.h"
#include "runs/run_comparison.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTableWidget;
class QToolButton;

class RunsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RunsPanel(QWidget* parent = nullptr);

  RunCatalog* catalog() { return &catalog_; }
  QTableWidget* table() const { return table_; }
  // The folders searched, kept in QSettings (default: ~/dino-studio-runs, where the app's runs go).
  void setRoots(const QStringList& roots);
  QStringList roots() const { return catalog_.roots(); }
  // The folder shown in `row` of the table (sorted as the user sorted it).
  QString folderAt(int row) const;
  // The checkpoint.pth of each selected run, in the table's order; empty when one has none.
  QStringList selectedCheckpoints() const;
  RunComparison* comparison() const { return comparison_; }

  enum Column { Name, Status, Differs, BestKnn, Progress, Trained, Started, Device, ColumnCount };

 Q_SIGNALS:
  void openRun(const QString& folder);
  // The attention explorer asked to put two runs' teachers side by side (their checkpoint.pth).
  void compareAttention(const QString& firstCheckpoint, const QString& secondCheckpoint);

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  void populate();
  void rebuildFoldersMenu();
  void onNameEdited(int row, int column);
  void compareSelection();  // reads the selected runs' records again when they changed

  RunCatalog catalog_;
  QToolButton* folders_ = nullptr;
  QLabel* summary_ = nullptr;
  QTableWidget* table_ = nullptr;
  bool pendingPopulate_ = false;  // runs changed while a name was being edited
  bool populating_ = false;       // selection changes are the table's rebuild, not the user's
  RunComparison* comparison_ = nullptr;
  QTimer selectionSettled_;  // a selection dragged over rows reads once
  QFutureWatcher<QList<RunComparison::Run>> loading_;
  QString comparedKey_;  // the runs compared and how far they were written
};
