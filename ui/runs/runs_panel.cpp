#include "runs/runs_panel.h"

#include "settings/recent_folders.h"

#include <QAbstractItemDelegate>
#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QtConcurrent>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kRefreshMs = 5000;
const QString kRootsKey = QStringLiteral("Runs/roots");
const QString kSelectedKey = QStringLiteral("Runs/compared");

QString defaultRoot() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
      .filePath(QStringLiteral("dino-studio-runs"));
}

// "2 h 05 min", "14 min", "40 s"
QString durationText(double seconds) {
  const auto s = static_cast<qint64>(seconds);
  if (s >= 3600) return RunsPanel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
  if (s >= 60) return RunsPanel::tr("%1 min").arg(s / 60);
  return RunsPanel::tr("%1 s").arg(s);
}

// An item that sorts by a number rather than by its text.
class NumberItem : public QTableWidgetItem {
 public:
  NumberItem(const QString& text, double key) : QTableWidgetItem(text) { setData(Qt::UserRole + 1, key); }
  bool operator<(const QTableWidgetItem& other) const override {
    return data(Qt::UserRole + 1).toDouble() < other.data(Qt::UserRole + 1).toDouble();
  }
};

}  // namespace

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
  folders_ = new QToolButton;
  folders_->setText(tr("Folders"));
  folders_->setPopupMode(QToolButton::InstantPopup);
  folders_->setMenu(new QMenu(folders_));
  auto* refresh = new QToolButton;
  refresh->setText(tr("Refresh"));
  connect(refresh, &QToolButton::clicked, &catalog_, &RunCatalog::refresh);
  summary_ = new QLabel;
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // Two runs' teachers on the same image: the first selected run's and the second's.
  auto* attention = new QToolButton;
  attention->setText(tr("Attention Side by Side"));
  attention->setToolTip(
      tr("Select two runs with a checkpoint: the attention explorer shows both teachers' maps on "
         "the same image, with their difference"));
  attention->setEnabled(false);
  connect(attention, &QToolButton::clicked, this, [this] {
    const QStringList checkpoints = selectedCheckpoints();
    if (checkpoints.size() == 2) Q_EMIT compareAttention(checkpoints[0], checkpoints[1]);
  });
  auto* bar = new QHBoxLayout;
  bar->addWidget(folders_);
  bar->addWidget(refresh);
  bar->addWidget(attention);
  bar->addWidget(summary_, 1);

  table_ = new QTableWidget(0, ColumnCount);
  table_->setHorizontalHeaderLabels({tr("Name"), tr("Status"), tr("Differs from the others"), tr("Best k-NN"),
                                     tr("Progress"), tr("Trained"), tr("Started"), tr("Device")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // The settings that differ can be many: a column of its own width, the whole text in its tooltip.
  table_->horizontalHeader()->setSectionResizeMode(Differs, QHeaderView::Interactive);
  table_->horizontalHeader()->resizeSection(Differs, 360);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  // A double-click shows the run; F2 or a click on a selected name edits it.
  table_->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
  table_->setSortingEnabled(true);
  table_->sortByColumn(Started, Qt::DescendingOrder);
  connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { Q_EMIT openRun(folderAt(row)); });
  connect(table_, &QTableWidget::cellChanged, this, &RunsPanel::onNameEdited);
  connect(table_->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
    if (pendingPopulate_) QTimer::singleShot(0, this, &RunsPanel::populate);  // once the editor is gone
  });

  auto* hint =
      new QLabel(tr("Every folder holding config.json and metrics.jsonl, up to three levels below the "
                    "folders chosen, is a run. Double-click one to show it on the dashboard; F2 renames it "
                    "(the name is kept in its run-name.txt)."));
  hint->setWordWrap(true);

  auto* top = new QWidget;
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addLayout(bar);
  topLayout->addWidget(table_, 1);
  topLayout->addWidget(hint);
  comparison_ = new RunComparison;
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(top);
  split->addWidget(comparison_);
  // Two fifths for the list: on a 768-pixel screen that is still five or six runs.
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  split->setSizes({400, 600});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);

  selectionSettled_.setSingleShot(true);
  selectionSettled_.setInterval(250);
  connect(&selectionSettled_, &QTimer::timeout, this, &RunsPanel::compareSelection);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, attention] {
    attention->setEnabled(selectedCheckpoints().size() == 2);
    selectionSettled_.start();
    if (populating_) return;
    // The runs compared are remembered, and compared again at the next start.
    QStringList folders;
    for (const auto& index : table_->selectionModel()->selectedRows()) folders << folderAt(index.row());
    QSettings().setValue(kSelectedKey, folders);
  });
  connect(&loading_, &QFutureWatcher<QList<RunComparison::Run>>::finished, this,
          [this] { comparison_->updateRuns(loading_.result()); });

  connect(&catalog_, &RunCatalog::runsChanged, this, &RunsPanel::populate);
  QStringList roots = QSettings().value(kRootsKey).toStringList();
  if (roots.isEmpty()) roots << defaultRoot();
  setRoots(roots);
}

QStringList RunsPanel::selectedCheckpoints() const {
  QStringList checkpoints;
  QModelIndexList rows = table_->selectionModel()->selectedRows();
  std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
  for (const auto& index : rows) {
    const QString file = QDir(folderAt(index.row())).filePath(QStringLiteral("checkpoint.pth"));
    if (!QFileInfo::exists(file)) return {};
    checkpoints << file;
  }
  return checkpoints;
}

void RunsPanel::setRoots(const QStringList& roots) {
  QStringList cleaned;
  for (const QString& root : roots)
    if (!root.isEmpty() && !cleaned.contains(QDir(root).absolutePath())) cleaned << QDir(root).absolutePath();
  QSettings().setValue(kRootsKey, cleaned);
  catalog_.setRoots(cleaned);
  if (isVisible()) catalog_.refresh();  // otherwise when the tab is first shown
  rebuildFoldersMenu();
}

void RunsPanel::rebuildFoldersMenu() {
  QMenu* menu = folders_->menu();
  menu->clear();
  menu->addAction(tr("Add Folder..."), this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("A folder that holds runs"),
                                                             recent_folders::last(QStringLiteral("runs")));
    if (folder.isEmpty()) return;
    recent_folders::remember(QStringLiteral("runs"), folder);
    setRoots(roots() << folder);
  });
  if (!roots().isEmpty()) menu->addSeparator();
  for (const QString& root : roots())
    menu->addAction(tr("Stop Listing %1").arg(QDir::toNativeSeparators(root)), this, [this, root] {
      QStringList left = roots();
      left.removeAll(root);
      setRoots(left);
    });
}

QString RunsPanel::folderAt(int row) const {
  const QTableWidgetItem* item = table_->item(row, Name);
  return item ? item->data(Qt::UserRole).toString() : QString();
}

void RunsPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  catalog_.refresh();
  catalog_.setRefreshInterval(kRefreshMs);
}

void RunsPanel::hideEvent(QHideEvent* event) {
  QWidget::hideEvent(event);
  catalog_.setRefreshInterval(0);
}

void RunsPanel::populate() {
  // An open editor (a name being typed) is a child of the table with the focus.
  const QWidget* focus = QApplication::focusWidget();
  if (focus && focus != table_ && table_->isAncestorOf(focus)) {
    pendingPopulate_ = true;  // after the edit: rebuilding would close the editor
    return;
  }
  pendingPopulate_ = false;
  const QList<RunSummary>& runs = catalog_.runs();
  QStringList selected;
  for (const auto& index : table_->selectionModel()->selectedRows()) selected << folderAt(index.row());
  if (table_->rowCount() == 0) selected = QSettings().value(kSelectedKey).toStringList();  // the last session's
  populating_ = true;
  const QStringList differing = run_summary::differingSettings(runs);
  const QLocale locale;

  const QSignalBlocker blocker(table_);
  table_->setSortingEnabled(false);
  table_->setRowCount(static_cast<int>(runs.size()));
  for (int row = 0; row < runs.size(); ++row) {
    const RunSummary& run = runs[row];
    auto* name = new QTableWidgetItem(run.name);
    name->setData(Qt::UserRole, run.folder);
    name->setToolTip(QDir::toNativeSeparators(run.folder));
    table_->setItem(row, Name, name);
    auto* status = new QTableWidgetItem(run_summary::statusText(run.status));
    status->setToolTip(
        run.status == RunStatus::Silent
            ? tr("Nothing written for %1 minutes and no word of an end: stopped from outside, hung, or no longer "
                 "synced.")
                  .arg(run_summary::kStaleSeconds / 60)
        : run.status == RunStatus::OnServer
            ? tr("The run is on %1, and its copy here grows only while the app follows it: a double-click "
                 "follows it again.")
                  .arg(run.server)
            : run.error);
    table_->setItem(row, Status, status);
    const bool readable = run.status != RunStatus::Unreadable;
    table_->setItem(
        row, Started,
        new NumberItem(run.started.isValid() ? locale.toString(run.started, QLocale::ShortFormat) : QString(),
                       static_cast<double>(run.started.toSecsSinceEpoch())));
    table_->setItem(row, Trained,
                    new NumberItem(readable ? durationText(run.trainedSeconds) : QString(), run.trainedSeconds));
    table_->setItem(row, Progress,
                    new NumberItem(run.epoch >= 0 ? tr("epoch %1 of %2").arg(run.epoch + 1).arg(run.epochs) : QString(),
                                   static_cast<double>(run.epoch)));
    table_->setItem(row, BestKnn,
                    new NumberItem(run.bestKnnTop1 ? tr("%L1%").arg(*run.bestKnnTop1, 0, 'f', 2) : QString(),
                                   run.bestKnnTop1.value_or(-1)));
    auto* device = new QTableWidgetItem(run.device);
    device->setToolTip(run.device);
    table_->setItem(row, Device, device);
    auto* differs = new QTableWidgetItem(readable ? run_summary::settingsText(run, differing) : run.error);
    differs->setToolTip(differs->text());
    table_->setItem(row, Differs, differs);
    for (int column = Status; column < ColumnCount; ++column)
      table_->item(row, column)->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
  }
  table_->setSortingEnabled(true);
  table_->clearSelection();
  for (int row = 0; row < table_->rowCount(); ++row)
    if (selected.contains(folderAt(row)))
      table_->selectionModel()->select(table_->model()->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
  populating_ = false;
  compareSelection();  // the runs compared may have grown
  summary_->setText(runs.isEmpty()
                        ? tr("No runs under %1.").arg(QDir::toNativeSeparators(roots().join(QStringLiteral("; "))))
                        : tr("%n run(s) under %1.", nullptr, static_cast<int>(runs.size()))
                              .arg(QDir::toNativeSeparators(roots().join(QStringLiteral("; ")))));
}

void RunsPanel::onNameEdited(int row, int column) {
  if (column != Name) return;
  const QString folder = folderAt(row);
  const QString name = table_->item(row, Name)->text();
  if (!run_summary::rename(folder, name))
    QMessageBox::warning(this, tr("Rename"),
                         tr("Cannot write the name into %1.").arg(QDir::toNativeSeparators(folder)));
  catalog_.refresh();
}

void RunsPanel::compareSelection() {
  QStringList folders;
  for (const auto& index : table_->selectionModel()->selectedRows()) folders << folderAt(index.row());
  // In the catalog's order (by folder), whatever order they were picked or the table is sorted
  // in: each run keeps its colour.
  QList<RunSummary> chosen;
  QString key;
  for (const RunSummary& run : catalog_.runs())
    if (folders.contains(run.folder) && run.status != RunStatus::Unreadable) {
      chosen << run;
      key += run.folder + QLatin1Char('|') + run.name + QLatin1Char('|') + QString::number(run.steps) +
             QLatin1Char('|') + run.lastWritten.toString(Qt::ISODateWithMs) + QLatin1Char('\n');
    }
  if (key == comparedKey_) return;
  if (loading_.isRunning()) {
    selectionSettled_.start();  // once this reading is done
    return;
  }
  comparedKey_ = key;
  // Runs already on the charts are read on from where they were; others from their start.
  loading_.setFuture(QtConcurrent::run(catalog_.pool(), [chosen, shown = comparison_->runs()] {
    QList<RunComparison::Run> runs;
    for (const RunSummary& summary : chosen) {
      const auto known = std::find_if(shown.begin(), shown.end(),
                                      [&](const RunComparison::Run& run) { return run.folder == summary.folder; });
      if (known == shown.end()) {
        runs << RunComparison::load(summary);
        continue;
      }
      RunComparison::Run run = *known;
      run.name = summary.name;
      run.settings = summary.settings;
      RunComparison::readMore(run);
      runs << run;
    }
    return runs;
  }));
}
