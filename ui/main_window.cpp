#include "main_window.h"

#include "settings/recent_folders.h"
#include "attention/attention_explorer.h"
#include "config/config_panel.h"
#include "config/schedule_preview.h"
#include "crops/crop_preview_panel.h"
#include "dashboard/dashboard.h"
#include "dashboard/figure_export_dialog.h"
#include "evaluate/evaluate_panel.h"
#include "runs/runs_panel.h"
#include "log/log_panel.h"
#include "settings/appearance.h"
#include "settings/interface_language.h"
#include "training/run_follower.h"
#include "remote/remote_run.h"
#include "remote/run_location_box.h"
#include "training/training_controller.h"
#include "welcome/welcome_page.h"

#include <dino/api/build_info.h>
#include <dino/api/training_run.h>
#include <dino/session/detached_run.h>
#include <dino/log/human_readable.h>
#include <dino/session/training_settings.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QJsonObject>
#include <QJsonDocument>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QUrl>

#include <cmath>

namespace {

QString defaultRunFolder() {
  const QString base = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
  return QDir(base).filePath(QStringLiteral("dino-studio-runs/run-") +
                             QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("DINO Studio"));
  setObjectName(QStringLiteral("MainWindow"));
  controller_ = new TrainingController(this);
  follower_ = new RunFollower(this);

  dashboard_ = new Dashboard;
  schedules_ = new SchedulePreview;
  auto* tabs = new QTabWidget;
  welcome_ = new WelcomePage;
  tabs->addTab(welcome_, tr("Welcome"));
  tabs->addTab(dashboard_, tr("Dashboard"));
  runs_ = new RunsPanel;
  tabs->addTab(runs_, tr("Runs"));
  connect(runs_, &RunsPanel::openRun, this, [this](const QString& folder) {
    // The run training here is already on the dashboard.
    if (controller_->isActive() && QDir(folder) == QDir(runFolder_)) {
      showTab(QStringLiteral("dashboard"));
      return;
    }
    if (followRun(folder)) showTab(QStringLiteral("dashboard"));
  });
  connect(runs_, &RunsPanel::compareAttention, this, [this](const QString& first, const QString& second) {
    QString error;
    if (!attention_->loadWeights(first, &error) || !attention_->compareWith(second, &error)) {
      attention_->stopComparing();  // no older comparison beside a new model
      QMessageBox::warning(this, tr("Attention Side by Side"), error);
      return;
    }
    showTab(QStringLiteral("attention"));
  });
  tabs->addTab(schedules_, tr("Schedules"));
  crops_ = new CropPreviewPanel;
  tabs->addTab(crops_, tr("Crops"));
  // The step cursor reaches the crops too: they show what that step's batch trained on.
  connect(dashboard_, &Dashboard::cursorChanged, crops_, [this](double iteration) {
    crops_->showIteration(std::isfinite(iteration) ? static_cast<qint64>(std::llround(iteration)) : -1);
  });
  attention_ = new AttentionExplorer;
  tabs->addTab(attention_, tr("Attention"));
  // ... and the attention maps of a pinned probe, at the checkpoint that step had saved.
  connect(dashboard_, &Dashboard::cursorChanged, attention_, [this](double iteration) {
    if (std::isfinite(iteration)) attention_->showIteration(std::llround(iteration), dashboard_->stepsPerEpoch());
  });
  // k-NN and the linear probe on the run's checkpoint or any weights; the run's latest figures
  // also show on its dashboard.
  evaluate_ = new EvaluatePanel;
  tabs->addTab(evaluate_, tr("Evaluate"));
  connect(evaluate_, &EvaluatePanel::evaluationsChanged, dashboard_, [this](const QString& summary) {
    dashboard_->setEvaluationSummary(runFolder_.isEmpty() ? QString() : summary);  // the run's own only
  });
  setCentralWidget(tabs);

  config_ = new ConfigPanel;
  auto* configDock = new QDockWidget(tr("Configuration"), this);
  configDock->setObjectName(QStringLiteral("ConfigurationDock"));
  configDock->setWidget(config_);
  addDockWidget(Qt::LeftDockWidgetArea, configDock);
  // The log is a tab: the charts keep the whole height; errors also come as message boxes.
  log_ = new LogPanel;
  tabs->addTab(log_, tr("Log"));

  stateLabel_ = new QLabel(tr("Ready"));
  progressLabel_ = new QLabel;
  progress_ = new QProgressBar;
  progress_->setMaximumWidth(240);
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setTextVisible(true);
  progress_->setFormat(QStringLiteral("%p%"));
  // Both may be cut at the window's edge: a long run folder or a longer language never makes the
  // window wider than the screen.
  stateLabel_->setMinimumWidth(1);
  progressLabel_->setMinimumWidth(1);
  statusBar()->addWidget(stateLabel_);
  statusBar()->addWidget(progressLabel_, 1);
  statusBar()->addPermanentWidget(progress_);

  createActions();

  QSettings settings;
  const QString last = settings.value(QStringLiteral("Run/lastSettings")).toString();
  if (last.isEmpty() || !config_->setSettingsJson(last)) config_->applyPreset(QStringLiteral("fashion-mnist-demo"));
  if (config_->value(QStringLiteral("output_dir")).toString() == QLatin1String("."))
    config_->setValue(QStringLiteral("output_dir"), defaultRunFolder());
  if (!restoreGeometry(settings.value(QStringLiteral("Window/geometry")).toByteArray())) {
    // First start: 1400 x 900, or what the screen has room for (a 1366 x 768 laptop).
    const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 900);
    // The size asked is the inside: leave room for a window manager's frame and title bar.
    resize(std::min(1400, room.width() - 16), std::min(900, room.height() - 40));
  }
  restoreState(settings.value(QStringLiteral("Window/state")).toByteArray());
  // The first start opens on the welcome page; later ones on the dashboard (Help > Welcome brings
  // the page back).
  tabs->setCurrentWidget(settings.value(QStringLiteral("Welcome/shown"), false).toBool()
                             ? static_cast<QWidget*>(dashboard_)
                             : static_cast<QWidget*>(welcome_));
  settings.setValue(QStringLiteral("Welcome/shown"), true);
  connect(welcome_, &WelcomePage::demoRequested, this, [this] {
    if (refuseWhileRunning(tr("Demo"))) return;
    resetToDemo();
    showTab(QStringLiteral("dashboard"));
    startWhenScanned([this](const QString& problem) { QMessageBox::warning(this, tr("Demo"), problem); });
  });
  connect(welcome_, &WelcomePage::trainOnFolderRequested, this, &MainWindow::trainOnImageFolder);
  connect(welcome_, &WelcomePage::inspectModelRequested, this, [this] {
    showTab(QStringLiteral("attention"));
    attention_->chooseWeights();
  });
  connect(welcome_, &WelcomePage::weightsChosen, this, &MainWindow::openReleasedWeights);
  rebuildRecentMenu();

  connect(controller_, &TrainingController::recordsArrived, dashboard_, &Dashboard::addRecords);
  connect(controller_, &TrainingController::recordsArrived, this, &MainWindow::onRecords);
  // Each epoch ends with a checkpoint, and so does Stop: the explorer can show (and follow) the
  // teacher of the run trained here or followed.
  const auto checkpointAfterEpoch = [this](const MetricRecords& records) {
    for (const auto& r : records)
      if (r.kind == dino::MetricRecord::Kind::Epoch) {
        announceRunFolder();
        break;
      }
  };
  connect(controller_, &TrainingController::recordsArrived, this, checkpointAfterEpoch);
  connect(follower_, &RunFollower::recordsArrived, this, checkpointAfterEpoch);
  connect(follower_, &RunFollower::recordsArrived, dashboard_, &Dashboard::addRecords);
  connect(follower_, &RunFollower::recordsArrived, this, &MainWindow::onRecords);
  connect(follower_, &RunFollower::restarted, dashboard_, &Dashboard::clear);
  connect(controller_, &TrainingController::stateChanged, this, &MainWindow::onStateChanged);
  connect(controller_, &TrainingController::phaseChanged, this, [this](dino::RunPhase) {
    if (controller_->state() == dino::RunState::Running) showRunningState();
  });
  connect(controller_, &TrainingController::failed, this, [this](const QString& message) {
    if (!isVisible()) return;  // headless runs report through the log and the exit code
    QMessageBox::critical(
        this, tr("Training stopped"),
        tr("The run stopped with an error:\n\n%1\n\nThe last checkpoint in the output folder is intact; "
           "change the settings and press Start to resume from it.")
            .arg(message));
  });
  connect(controller_, &TrainingController::processOutput, this, [this](int rank, const QString& line) {
    if (rank < 0)
      log_->appendServerOutput(controller_->serverRun()->target().host, line);
    else
      log_->appendProcessOutput(rank, line);
  });
  connect(controller_, &TrainingController::serverConnectionChanged, this, &MainWindow::onServerConnectionChanged);
  connect(controller_->serverRun(), &RemoteRun::checkpointFetched, this,
          [this](const QString& file, const QString& error) {
            updateActions();
            if (!error.isEmpty()) {
              if (isVisible()) QMessageBox::warning(this, tr("Fetch Checkpoint"), error);
              return;
            }
            statusBar()->showMessage(tr("Checkpoint copied to %1").arg(QDir::toNativeSeparators(file)), 8000);
            announceRunFolder();  // the attention explorer can show its teacher now
          });
  onServerChosen();
  connect(config_, &ConfigPanel::validityChanged, this, &MainWindow::updateActions);
  connect(config_, &ConfigPanel::settingsChanged, this, [this] { previewTimer_.start(); });
  connect(config_, &ConfigPanel::dataScanned, this, [this] { previewTimer_.start(); });
  previewTimer_.setSingleShot(true);
  previewTimer_.setInterval(150);
  connect(&previewTimer_, &QTimer::timeout, this, &MainWindow::refreshPreview);
  updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
  auto* file = menuBar()->addMenu(tr("&File"));
  auto* run = menuBar()->addMenu(tr("&Run"));
  auto* view = menuBar()->addMenu(tr("&View"));
  auto* help = menuBar()->addMenu(tr("&Help"));
  auto* toolbar = addToolBar(tr("Run"));
  toolbar->setObjectName(QStringLiteral("RunToolbar"));

  toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  start_ = run->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this, [this] { startRun(); });
  start_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  start_->setToolTip(tr("Train with these settings (resumes if the output folder holds a checkpoint)"));
  pause_ = run->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this,
                          [this] { controller_->pause(); });
  pause_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
  resume_ = run->addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("Res&ume"), this,
                           [this] { controller_->resume(); });
  resume_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
  resume_->setToolTip(tr("Go on from the step where the run paused"));
  stop_ =
      run->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this, [this] { controller_->stop(); });
  stop_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
  stop_->setToolTip(tr("Finish the current step, save a checkpoint that resumes there, and stop"));
  // Tooltips name the shortcut as the menus do (Pause's says what it does in updateActions()).
  for (QAction* a : {start_, resume_, stop_})
    a->setToolTip(tr("%1 (%2)").arg(a->toolTip(), a->shortcut().toString(QKeySequence::NativeText)));
  run->addSeparator();
  openFolder_ = run->addAction(tr("&Open Output Folder"), this, [this] {
    const QString folder = runFolder_.isEmpty() ? config_->value(QStringLiteral("output_dir")).toString() : runFolder_;
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
  });
  copyCommand_ = run->addAction(
      QIcon::fromTheme(QStringLiteral("edit-copy"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)),
      tr("&Copy as Command Line"), this, [this] {
        QApplication::clipboard()->setText(commandLine());
        statusBar()->showMessage(tr("Copied: %1").arg(commandLine()), 5000);
      });
  fetchCheckpoint_ = run->addAction(tr("&Fetch Checkpoint from Server"), this, &MainWindow::fetchServerCheckpoint);
  fetchCheckpoint_->setToolTip(
      tr("Copy the run's last checkpoint from the server into its folder here, for the "
         "attention explorer and evaluations"));
  stopFollowing_ =
      run->addAction(tr("Stop &Following the Server"), this, [this] { controller_->stopFollowingServerRun(); });
  stopFollowing_->setToolTip(
      tr("Leave the run on the server going, and stop following it here (File > Follow a "
         "Run Folder on its folder follows it again)"));
  tintRunIcons();
  for (QAction* a : {start_, pause_, resume_, stop_}) toolbar->addAction(a);
  toolbar->addSeparator();
  toolbar->addAction(copyCommand_);
  toolbar->addSeparator();
  auto* runOnLabel = new QLabel(tr("Run on:"));
  runOnLabel->setContentsMargins(4, 0, 4, 0);
  toolbar->addWidget(runOnLabel);
  runLocation_ = new RunLocationBox;
  toolbar->addWidget(runLocation_);
  connect(runLocation_, &RunLocationBox::locationChanged, this, &MainWindow::onServerChosen);
  // Chinese (and Japanese) menus put the mnemonic after the text, "开始(&S)"; Qt strips only the
  // '&' for the toolbar, which would read "开始(S)".
  static const QRegularExpression trailingMnemonic(QStringLiteral("\\(&\\w\\)$"));
  for (QAction* a : toolbar->actions()) {
    const QString text = a->text();
    if (trailingMnemonic.match(text).hasMatch()) a->setIconText(QString(text).remove(trailingMnemonic));
  }

  file->addAction(tr("&Open Images..."), QKeySequence::Open, this, [this] {
    if (auto* tabs = qobject_cast<QTabWidget*>(centralWidget())) tabs->setCurrentWidget(attention_);
    attention_->chooseImages();
  });
  file->addAction(tr("Open &Weights..."), this, [this] {
    if (auto* tabs = qobject_cast<QTabWidget*>(centralWidget())) tabs->setCurrentWidget(attention_);
    attention_->chooseWeights();
  });
  file->addSeparator();
  follow_ = file->addAction(tr("&Follow a Run Folder..."), this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Output folder of a run"),
                                                             recent_folders::last(QStringLiteral("runs")));
    recent_folders::remember(QStringLiteral("runs"), folder);
    if (!folder.isEmpty()) followRun(folder);
  });
  file->addAction(tr("&Resume a Run Folder..."), this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Output folder of the run to resume"),
                                                             recent_folders::last(QStringLiteral("runs")));
    if (folder.isEmpty()) return;
    recent_folders::remember(QStringLiteral("runs"), folder);
    QFile config(QDir(folder).filePath(QStringLiteral("config.json")));
    QString error;
    if (!config.open(QIODevice::ReadOnly) || !config_->setSettingsJson(QString::fromUtf8(config.readAll()), &error)) {
      QMessageBox::warning(this, tr("Resume"), tr("%1 has no readable config.json. %2").arg(folder, error));
      return;
    }
    config_->setValue(QStringLiteral("output_dir"), folder);
    startRun(false);
  });
  recent_ = file->addMenu(tr("Recent &Runs"));
  file->addSeparator();
  file->addAction(tr("&Load Settings..."), this, [this] {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load settings"), recent_folders::last(QStringLiteral("settings")), tr("Settings (*.json)"));
    if (path.isEmpty()) return;
    recent_folders::remember(QStringLiteral("settings"), path);
    QFile f(path);
    QString error;
    if (!f.open(QIODevice::ReadOnly) || !config_->setSettingsJson(QString::fromUtf8(f.readAll()), &error))
      QMessageBox::warning(this, tr("Load settings"),
                           tr("Cannot load %1: %2").arg(path, error.isEmpty() ? f.errorString() : error));
  });
  file->addAction(tr("&Save Settings..."), this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save settings"), recent_folders::suggest(QStringLiteral("settings"), QStringLiteral("config.json")),
        tr("Settings (*.json)"));
    if (path.isEmpty()) return;
    recent_folders::remember(QStringLiteral("settings"), path);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(config_->settingsJson().toUtf8()) < 0)
      QMessageBox::warning(this, tr("Save settings"), tr("Cannot write %1: %2").arg(path, f.errorString()));
  });
  file->addSeparator();
  exportAll_ = file->addAction(tr("&Export All Figures..."), this, [this] {
    FigureExportDialog dialog(FigureExportDialog::Target::Folder, QStringLiteral("dino-studio-figures"), this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    const QStringList written =
        dashboard_->exportAll(dialog.path(), dialog.figureWidth(), dialog.figureHeight(), dialog.dpi(), &error);
    if (written.isEmpty())
      QMessageBox::warning(this, tr("Export"), error);
    else
      statusBar()->showMessage(
          tr("Wrote %n file(s) to %1", nullptr, static_cast<int>(written.size())).arg(dialog.path()), 5000);
  });
  file->addAction(tr("Export &Metrics as CSV..."), this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Metrics"), recent_folders::suggest(QStringLiteral("figures"), QStringLiteral("metrics.csv")),
        tr("CSV (*.csv)"));
    recent_folders::remember(QStringLiteral("figures"), path);
    QString error;
    if (!path.isEmpty() && !dashboard_->history().writeCsv(path, &error))
      QMessageBox::warning(this, tr("Export"), error);
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  for (auto* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());
  view->addSeparator();
  createLanguageMenu(view);
  createAppearanceMenu(view);
  const QString docs = documentationFolder();
  QAction* manual = help->addAction(tr("&Documentation"), QKeySequence::HelpContents, this,
                                    [docs] { QDesktopServices::openUrl(QUrl::fromLocalFile(docs)); });
  manual->setEnabled(!docs.isEmpty());
  manual->setToolTip(docs.isEmpty() ? tr("The documentation was not installed with this build") : docs);
  help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
  help->addAction(tr("&Welcome Page"), this, [this] { showTab(QStringLiteral("welcome")); });
  help->addSeparator();
  help->addAction(tr("&About DINO Studio"), this,
                  [this] { QMessageBox::about(this, tr("About DINO Studio"), aboutText()); });
}

bool MainWindow::showTab(const QString& name) {
  auto* tabs = qobject_cast<QTabWidget*>(centralWidget());
  const QList<std::pair<QString, QWidget*>> pages{
      {QStringLiteral("welcome"), welcome_},   {QStringLiteral("dashboard"), dashboard_},
      {QStringLiteral("runs"), runs_},         {QStringLiteral("schedules"), schedules_},
      {QStringLiteral("crops"), crops_},       {QStringLiteral("attention"), attention_},
      {QStringLiteral("evaluate"), evaluate_}, {QStringLiteral("log"), log_}};
  for (const auto& [pageName, page] : pages)
    if (tabs && pageName == name.toLower()) {
      tabs->setCurrentWidget(page);
      return true;
    }
  return false;
}

QString MainWindow::versionText() {
  const dino::LibTorchInfo torch = dino::libtorch_info();
  const QString type = QStringLiteral(DINO_BUILD_TYPE);
  return tr("DINO Studio %1, %2\nQt %3 (running %4)\nLibTorch %5, %6")
      .arg(QCoreApplication::applicationVersion(),
           type.isEmpty() ? tr("built without a build type") : tr("%1 build").arg(type), QStringLiteral(QT_VERSION_STR),
           QString::fromLatin1(qVersion()), QString::fromStdString(torch.version), QString::fromStdString(torch.cuda));
}

QString MainWindow::aboutText() {
  return tr("<b>DINO Studio</b><p>Train DINO self-supervised vision transformers and look inside "
            "them. The model, loss and schedules follow the reference implementation of Caron et al. "
            "(2021).</p><p>%1</p>")
      .arg(versionText().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

QString MainWindow::documentationFolder() {
  // Installed beside the program (share/doc/dino-studio), else the source tree it was built from.
  const QDir app(QCoreApplication::applicationDirPath());
  for (const QString& candidate :
       {app.filePath(QStringLiteral("../share/doc/dino-studio")), QStringLiteral(DINO_SOURCE_DOCS)})
    if (QFileInfo(QDir(candidate).filePath(QStringLiteral("desktop-app.md"))).exists())
      return QDir(candidate).absolutePath();
  return {};
}

void MainWindow::showShortcuts() {
  QString rows;
  for (QAction* action : findChildren<QAction*>()) {
    if (action->shortcut().isEmpty()) continue;
    rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
                .arg(action->text().remove(QLatin1Char('&')).toHtmlEscaped(),
                     action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
  }
  rows +=
      QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
          .arg(tr("Paste an image (Attention)"), QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText));
  rows +=
      QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
          .arg(tr("Cancel the attention computation"), QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText));
  QMessageBox::information(this, tr("Keyboard Shortcuts"), QStringLiteral("<table>%1</table>").arg(rows));
}

QString MainWindow::commandLine() const {
  return QString::fromStdString(dino::training_command_line(config_->settings()));
}

bool MainWindow::startRun(bool interactive) {
  if (controller_->isActive()) return false;  // one run at a time (its dashboard stays)
  if (!config_->canStart()) {
    if (interactive) QMessageBox::warning(this, tr("Start"), tr("Cannot start: %1").arg(config_->problem()));
    return false;
  }
  const QString folder = config_->value(QStringLiteral("output_dir")).toString();
  if (interactive && QFileInfo::exists(QDir(folder).filePath(QStringLiteral("checkpoint.pth")))) {
    QMessageBox box(
        QMessageBox::Question, tr("Start"),
        tr("%1 already holds a checkpoint. Resume that run, or start a new one in a fresh folder?").arg(folder),
        QMessageBox::NoButton, this);
    auto* resume = box.addButton(tr("Resume"), QMessageBox::AcceptRole);
    auto* fresh = box.addButton(tr("New Folder"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == fresh)
      config_->setValue(QStringLiteral("output_dir"), defaultRunFolder());
    else if (box.clickedButton() != resume)
      return false;
  }
  follower_->stop();
  dashboard_->clear();
  crops_->showIteration(-1);
  dashboard_->setOutputDim(config_->value(QStringLiteral("out_dim")).toInteger());
  if (!controller_->start(config_->settings())) {
    if (interactive) QMessageBox::warning(this, tr("Start"), controller_->lastError());
    return false;
  }
  runFolder_ = config_->value(QStringLiteral("output_dir")).toString();
  rememberRun(runFolder_);
  announceRunFolder();
  QSettings().setValue(QStringLiteral("Run/lastSettings"), config_->settingsJson());
  return true;
}

void MainWindow::startWhenScanned(const std::function<void(const QString&)>& onProblem) {
  // One pending start at a time: a second request replaces the first.
  disconnect(pendingStart_);
  if (config_->canStart()) {
    startRun(false);
    return;
  }
  // The scan runs in the background; its end decides.
  pendingStart_ = connect(config_, &ConfigPanel::dataScanned, this, [this, onProblem] {
    disconnect(pendingStart_);
    if (config_->canStart())
      startRun(false);
    else if (onProblem)
      onProblem(config_->problem());
  });
}

bool MainWindow::refuseWhileRunning(const QString& title) {
  if (!controller_->isActive()) return false;
  QMessageBox::information(this, title, tr("A run is already going: stop it first."));
  return true;
}

void MainWindow::trainOnImageFolder() {
  if (refuseWhileRunning(tr("Train"))) return;
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a folder of images"),
                                                           recent_folders::last(QStringLiteral("images")));
  if (folder.isEmpty()) return;
  recent_folders::remember(QStringLiteral("images"), folder);
  // The demo's 28 px crops and 4 px patches are for Fashion-MNIST: photographs start from the
  // reference README's ViT-S/16 run (the user can pick another recipe, or set a time budget).
  QString applied;
  if (config_->value(QStringLiteral("global_crops_size")).toInt() < 96 &&
      config_->applyPreset(QStringLiteral("vit-small-16")))
    applied = tr("The reference's ViT-S/16 settings are applied (the demo's are for 28 px images). ");
  config_->setValue(QStringLiteral("data_path"), folder);
  config_->setValue(QStringLiteral("output_dir"), defaultRunFolder());
  for (auto* dock : findChildren<QDockWidget*>())
    if (dock->widget() == config_) {
      dock->show();
      dock->raise();
    }
  showTab(QStringLiteral("dashboard"));
  statusBar()->showMessage(
      applied +
          tr("%1 is scanned in the background: choose a preset or edit the settings, then press Start.").arg(folder),
      15000);
}

void MainWindow::openReleasedWeights(const QString& file) {
  QString error;
  if (!attention_->loadWeights(file, &error)) {
    QMessageBox::warning(this, tr("Open weights"), tr("%1 cannot be opened: %2").arg(file, error));
    return;
  }
  showTab(QStringLiteral("attention"));
}

void MainWindow::createLanguageMenu(QMenu* view) {
  QMenu* menu = view->addMenu(tr("&Language"));
  auto* group = new QActionGroup(menu);
  const QString chosen = interface_language::chosen();
  for (const auto& language : interface_language::available()) {
    QAction* action = menu->addAction(language.nativeName);
    action->setCheckable(true);
    action->setChecked(language.code == chosen);
    group->addAction(action);
    connect(action, &QAction::triggered, this, [this, code = language.code, name = language.nativeName] {
      if (code == interface_language::chosen()) return;
      interface_language::choose(code);
      QMessageBox::information(this, tr("Language"),
                               code.isEmpty()
                                   ? tr("DINO Studio will follow the system's language when it starts again.")
                                   : tr("DINO Studio will be in %1 when it starts again.").arg(name));
    });
  }
}

void MainWindow::createAppearanceMenu(QMenu* view) {
  QMenu* menu = view->addMenu(tr("&Appearance"));
  auto* group = new QActionGroup(menu);
  const std::pair<appearance::Scheme, QString> schemes[] = {{appearance::Scheme::System, tr("&System")},
                                                            {appearance::Scheme::Light, tr("&Light")},
                                                            {appearance::Scheme::Dark, tr("&Dark")}};
  for (const auto& [scheme, name] : schemes) {
    QAction* action = menu->addAction(name);
    action->setCheckable(true);
    action->setChecked(scheme == appearance::chosen());
    group->addAction(action);
    // At once: every widget and chart takes the new palette.
    connect(action, &QAction::triggered, this, [scheme] {
      appearance::choose(scheme);
      appearance::apply(scheme);
    });
  }
}

void MainWindow::resetToDemo() {
  config_->setSettings(dino::TrainingConfig{});
  config_->applyPreset(QStringLiteral("fashion-mnist-demo"));
  config_->setValue(QStringLiteral("output_dir"), defaultRunFolder());
}

bool MainWindow::followRun(const QString& folder) {
  if (controller_->isActive()) {
    QMessageBox::information(this, tr("Follow"), tr("Stop the current run first."));
    return false;
  }
  // The mirror of a run on a server is followed there, unless it says the run has ended: then it is
  // read here as any run folder.
  if (QFileInfo::exists(QDir(folder).filePath(RemoteRun::mirrorFileName())) &&
      !QFileInfo::exists(QDir(folder).filePath(QString::fromLatin1(dino::detached_run::kExitFile))))
    return followServerRun(folder);
  dashboard_->clear();
  runHalted_ = false;  // a followed run's own records tell its state
  if (!follower_->follow(folder)) {
    if (isVisible()) QMessageBox::warning(this, tr("Follow"), follower_->errorString());
    return false;
  }
  QString settingsError;
  const auto settings = follower_->settings(&settingsError);
  dashboard_->setOutputDim(settings ? settings->out_dim : 0);
  // The followed run's crops (when its data is reachable from here), for the step cursor.
  crops_->showIteration(-1);
  if (settings)
    crops_->setSettings(*settings);
  else
    crops_->setUnavailable(settingsError);
  cropSettingsKey_.clear();
  runFolder_ = follower_->folder();
  stateLabel_->setText(tr("Following %1").arg(QDir::toNativeSeparators(runFolder_)));
  rememberRun(runFolder_);
  updateActions();
  announceRunFolder();
  // A run chosen from the welcome page (or File > Follow) is what the window should show.
  if (auto* tabs = qobject_cast<QTabWidget*>(centralWidget()); tabs && tabs->currentWidget() == welcome_)
    showTab(QStringLiteral("dashboard"));
  return true;
}

void MainWindow::onServerChosen() {
  const SshTarget server = runLocation_->current();
  controller_->setServer(server);
  config_->setServer(server.host);
  updateActions();
}

void MainWindow::onServerConnectionChanged(bool connected, const QString& message) {
  if (!controller_->isActive()) return;  // a word about a run that has ended
  serverProblem_ = connected ? QString() : message;
  if (controller_->state() == dino::RunState::Running) showRunningState();
  if (connected) statusBar()->showMessage(message, 4000);
}

void MainWindow::showRunningState() {
  // A dead connection is said as such, not as a stalled run: the run itself goes on there.
  if (!serverProblem_.isEmpty()) {
    stateLabel_->setText(QStringLiteral("<span style='color:#d55e00'>%1</span>").arg(serverProblem_.toHtmlEscaped()));
    stateLabel_->setToolTip(serverProblem_);
  } else {
    stateLabel_->setText(phaseText());
    stateLabel_->setToolTip(QString());
  }
}

void MainWindow::fetchServerCheckpoint() {
  if (!controller_->isOnServer()) return;
  fetchCheckpoint_->setEnabled(false);
  statusBar()->showMessage(tr("Copying the checkpoint from %1...").arg(controller_->serverRun()->target().host));
  controller_->serverRun()->fetchCheckpoint();
}

bool MainWindow::followServerRun(const QString& folder) {
  dashboard_->clear();
  runHalted_ = false;
  follower_->stop();
  // What the mirror already holds, at once; the controller then brings what the run writes next.
  RunFollower history;
  connect(&history, &RunFollower::recordsArrived, dashboard_, &Dashboard::addRecords);
  if (history.follow(folder)) {
    const auto settings = history.settings();
    dashboard_->setOutputDim(settings ? settings->out_dim : 0);
  }
  history.stop();
  if (!controller_->attachToServerRun(folder)) {
    if (isVisible()) QMessageBox::warning(this, tr("Follow"), controller_->lastError());
    return false;
  }
  // The end of what the run printed so far, from the mirror, before what it prints next.
  for (const QString& line : controller_->serverRun()->earlierOutput())
    log_->appendServerOutput(controller_->serverRun()->target().host, line);
  runFolder_ = QDir(folder).absolutePath();
  rememberRun(runFolder_);
  onRecords();
  updateActions();
  announceRunFolder();
  if (auto* tabs = qobject_cast<QTabWidget*>(centralWidget()); tabs && tabs->currentWidget() == welcome_)
    showTab(QStringLiteral("dashboard"));
  return true;
}

bool MainWindow::exportAll(const QString& folder, QString* error) {
  const QStringList written = dashboard_->exportAll(folder, 900, 500, 150, error);
  if (written.isEmpty()) return false;
  statusBar()->showMessage(tr("Wrote %n file(s) to %1", nullptr, static_cast<int>(written.size())).arg(folder), 5000);
  return true;
}

void MainWindow::onRecords() {
  const auto* r = dashboard_->history().lastStep();
  if (!r || r->steps_per_epoch <= 0) return;
  const double total = static_cast<double>(r->steps_per_epoch * std::max<int64_t>(r->epochs, 1));
  progress_->setValue(static_cast<int>(1000.0 * static_cast<double>(r->iteration + 1) / total));
  // The last step's time left counts the evaluation after it; once that has come, nothing is left.
  const auto& knn = dashboard_->history().knn();
  const bool done =
      static_cast<double>(r->iteration + 1) >= total && !knn.empty() && knn.back().iteration > r->iteration;
  // A stopped or failed run has no time left to tell: its last estimate would read as if it ran on.
  const QString left = runHalted_ ? tr("not running")
                       : done
                           ? tr("nothing left")
                           : tr("%1 left").arg(QString::fromStdString(dino::log::approximate_duration(r->eta_seconds)));
  progressLabel_->setText(tr("epoch %1/%2, step %3/%4, loss %5, %6 images/s, %7")  // as `dino train` prints it
                              .arg(r->epoch)
                              .arg(r->epochs)
                              .arg(r->step + 1)
                              .arg(r->steps_per_epoch)
                              .arg(r->loss, 0, 'f', 4)
                              .arg(r->images_per_second, 0, 'f', 1)
                              .arg(left));
}

QString MainWindow::phaseText() const {
  if (controller_->isOnServer()) return tr("%1 on %2").arg(phaseTextHere(), controller_->serverRun()->target().host);
  return phaseTextHere();
}

QString MainWindow::phaseTextHere() const {
  switch (controller_->phase()) {
    case dino::RunPhase::Starting:
      return tr("Starting");
    case dino::RunPhase::Measuring:
      return tr("Timing steps for the time budget");
    case dino::RunPhase::LoadingData:
      return tr("Loading the data");
    case dino::RunPhase::Evaluating:
      return tr("k-NN evaluation");
    case dino::RunPhase::Training:
      return tr("Training");
    case dino::RunPhase::Saving:
      return tr("Saving a checkpoint");
    case dino::RunPhase::Done:
      return tr("Finishing");
  }
  return tr("Training");
}

void MainWindow::onStateChanged(dino::RunState state) {
  switch (state) {
    case dino::RunState::Running:
      showRunningState();
      break;
    case dino::RunState::Paused:
      stateLabel_->setText(tr("Paused"));
      break;
    case dino::RunState::Finished:
      stateLabel_->setText(tr("Finished"));
      break;
    case dino::RunState::Stopped:
      stateLabel_->setText(tr("Stopped: Start resumes it"));
      break;
    case dino::RunState::Failed:
      stateLabel_->setText(tr("Failed"));
      break;
    case dino::RunState::Idle:
      stateLabel_->setText(tr("Ready"));
      break;
  }
  runHalted_ = state == dino::RunState::Stopped || state == dino::RunState::Failed;
  if (!controller_->isActive()) serverProblem_.clear();
  if (state != dino::RunState::Running) stateLabel_->setToolTip(QString());
  onRecords();
  updateActions();
  announceRunFolder();
  crops_->setLive(state == dino::RunState::Running);
  if (state == dino::RunState::Finished || state == dino::RunState::Stopped || state == dino::RunState::Failed)
    Q_EMIT runEnded(state);
}

void MainWindow::announceRunFolder() {
  if (runFolder_.isEmpty()) return;
  setWindowTitle(tr("%1 - DINO Studio").arg(QDir(QDir::cleanPath(QDir(runFolder_).absolutePath())).dirName()));
  attention_->setTrainingCheckpoint(QDir(runFolder_).filePath(QStringLiteral("checkpoint.pth")));
  FigureExportDialog::setRunFolder(runFolder_);
  // The run's own data (its config.json), whether it was trained here or is followed.
  QString dataPath = config_->value(QStringLiteral("data_path")).toString();
  int depth = config_->value(QStringLiteral("depth")).toInt();
  if (QFile config(QDir(runFolder_).filePath(QStringLiteral("config.json"))); config.open(QIODevice::ReadOnly)) {
    const QJsonObject written = QJsonDocument::fromJson(config.readAll()).object();
    if (!written[QStringLiteral("data_path")].toString().isEmpty())
      dataPath = written[QStringLiteral("data_path")].toString();
    if (written.contains(QStringLiteral("depth"))) depth = written[QStringLiteral("depth")].toInt();
  }
  evaluate_->setRun(runFolder_, dataPath, depth);
}

void MainWindow::updateActions() {
  const auto state = controller_->state();
  const bool active = controller_->isActive();
  start_->setEnabled(!active && config_->canStart());
  start_->setToolTip(
      config_->canStart()
          ? tr("Train with these settings (%1)").arg(start_->shortcut().toString(QKeySequence::NativeText))
          : tr("Cannot start: %1").arg(config_->problem()));
  pause_->setEnabled(state == dino::RunState::Running);
  // Processes held in a pause would time each other out: a run of several saves and ends instead.
  // A run going says what it is; otherwise the settings for the next.
  const bool severalProcesses =
      active ? controller_->launchesProcesses()
             : config_->value(QStringLiteral("nproc_per_node")).toInt() > 1 || runLocation_->current().isValid();
  pause_->setToolTip(tr("%1 (%2)").arg(
      severalProcesses ? tr("Save a checkpoint after the current step and end the processes; Resume starts them again "
                            "from it")
                       : tr("Pause after the current step; nothing is saved or lost"),
      pause_->shortcut().toString(QKeySequence::NativeText)));
  resume_->setEnabled(state == dino::RunState::Paused);
  stop_->setEnabled(active);
  fetchCheckpoint_->setEnabled(controller_->isOnServer() && !controller_->serverRun()->isFetching());
  stopFollowing_->setEnabled(active && controller_->isOnServer());
  runLocation_->setEnabled(!active);
  follow_->setEnabled(!active);
  config_->setEnabled(!active);
}

void MainWindow::rememberRun(const QString& folder) {
  QSettings settings;
  QStringList runs = settings.value(QStringLiteral("Run/recent")).toStringList();
  runs.removeAll(folder);
  runs.prepend(folder);
  while (runs.size() > 10) runs.removeLast();
  settings.setValue(QStringLiteral("Run/recent"), runs);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recent_->clear();
  const QStringList runs = QSettings().value(QStringLiteral("Run/recent")).toStringList();
  for (const QString& folder : runs)
    recent_->addAction(QDir::toNativeSeparators(folder), this, [this, folder] { followRun(folder); });
  recent_->setEnabled(!runs.isEmpty());
}

void MainWindow::refreshPreview() {
  const auto& data = config_->dataSummary();
  if (!data.ok) return;
  schedules_->update(config_->settings(), data.images);
  // The crop preview reopens the data only when what it shows depends on changed.
  const QString inputs = QString::fromStdString(dino::run_settings::crop_preview_inputs(config_->settings()));
  if (inputs != cropSettingsKey_) {
    cropSettingsKey_ = inputs;
    crops_->setSettings(config_->settings());
  }
}

void MainWindow::tintRunIcons() {
  // The style's media glyphs are drawn black: in the text colour they also read on a dark palette.
  const QColor ink = palette().color(QPalette::ButtonText);
  const std::pair<QAction*, QStyle::StandardPixmap> icons[] = {{start_, QStyle::SP_MediaPlay},
                                                               {pause_, QStyle::SP_MediaPause},
                                                               {resume_, QStyle::SP_MediaSeekForward},
                                                               {stop_, QStyle::SP_MediaStop}};
  for (const auto& [action, glyph] : icons) {
    const QIcon original = style()->standardIcon(glyph);
    QIcon tinted;
    for (int side : {16, 24, 32}) {
      QImage image = original.pixmap(side, side).toImage().convertToFormat(QImage::Format_ARGB32);
      for (int y = 0; y < image.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) row[x] = qRgba(ink.red(), ink.green(), ink.blue(), qAlpha(row[x]));
      }
      tinted.addPixmap(QPixmap::fromImage(image));
    }
    action->setIcon(tinted);
  }
}

void MainWindow::changeEvent(QEvent* event) {
  QMainWindow::changeEvent(event);
  if (event->type() == QEvent::PaletteChange && start_) tintRunIcons();
}

void MainWindow::closeWithoutAsking() {
  askBeforeClosing_ = false;
  close();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (controller_->isActive() && controller_->isOnServer()) {
    // Nothing to stop: the run goes on there, and following it again picks it up.
    if (askBeforeClosing_ && isVisible() &&
        QMessageBox::question(this, tr("Quit"),
                              tr("The run goes on on %1 after the app quits. Follow its folder here (%2) to see it "
                                 "again. Quit?")
                                  .arg(controller_->serverRun()->target().host,
                                       QDir::toNativeSeparators(controller_->serverRun()->localFolder()))) !=
            QMessageBox::Yes) {
      event->ignore();
      return;
    }
  } else if (controller_->isActive()) {
    if (askBeforeClosing_ && isVisible() &&
        QMessageBox::question(this, tr("Quit"),
                              tr("A run is training. Stop it (saving a checkpoint to resume from) and quit?")) !=
            QMessageBox::Yes) {
      event->ignore();
      return;
    }
    controller_->stop();
  }
  if (evaluate_->process()->isRunning()) {
    if (askBeforeClosing_ && isVisible() &&
        QMessageBox::question(this, tr("Quit"), tr("An evaluation is running. Stop it and quit?")) !=
            QMessageBox::Yes) {
      event->ignore();
      return;
    }
    evaluate_->stopEvaluation();
  }
  QSettings settings;
  settings.setValue(QStringLiteral("Window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("Window/state"), saveState());
  settings.setValue(QStringLiteral("Run/lastSettings"), config_->settingsJson());
  event->accept();
}
