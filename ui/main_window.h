// DINO Studio's window: the configuration dock, the live dashboard and the schedule preview, the
// log dock, run controls, a status bar with progress; it wires the panels to a TrainingController
// (runs it starts) or a RunFollower (runs elsewhere) and keeps its layout and last settings.
#pragma once

#include <dino/session/run_state.h>

#include <QMainWindow>
#include <QTimer>

#include <functional>

class AttentionExplorer;
class ConfigPanel;
class CropPreviewPanel;
class Dashboard;
class EvaluatePanel;
class RunsPanel;
class LogPanel;
class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class RunFollower;
class RunLocationBox;
class SchedulePreview;
class TrainingController;
class WelcomePage;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  ConfigPanel* configPanel() const { return config_; }
  Dashboard* dashboard() const { return dashboard_; }
  TrainingController* controller() const { return controller_; }
  RunFollower* follower() const { return follower_; }
  SchedulePreview* schedulePreview() const { return schedules_; }
  CropPreviewPanel* cropPreview() const { return crops_; }
  AttentionExplorer* attentionExplorer() const { return attention_; }
  WelcomePage* welcomePage() const { return welcome_; }
  EvaluatePanel* evaluatePanel() const { return evaluate_; }
  RunsPanel* runsPanel() const { return runs_; }
  RunLocationBox* runLocation() const { return runLocation_; }

  // Run controls, also behind the toolbar's actions. startRun asks before resuming an output folder
  // that holds a checkpoint unless `interactive` is false (it then resumes, as `dino train` does).
  bool startRun(bool interactive = true);
  // Starts (non-interactively) as soon as the data scan allows, at once when it is done; calls
  // `onProblem` with the reason when the scan says the run cannot start. A newer call replaces a
  // pending one.
  void startWhenScanned(const std::function<void(const QString&)>& onProblem);
  bool followRun(const QString& folder);
  // The Fashion-MNIST demo from the defaults (not the remembered settings), in a fresh folder.
  void resetToDemo();
  // Every figure (PNG, SVG, PDF) and metrics.csv into `folder`.
  bool exportAll(const QString& folder, QString* error = nullptr);
  QString commandLine() const;
  // "welcome", "dashboard", "runs", "schedules", "crops", "attention", "evaluate" or "log"; false
  // for another name.
  bool showTab(const QString& name);
  // Closes without asking: a run or evaluation going is stopped as Quit's Yes would (the
  // --screenshot option's end, taken mid-run).
  void closeWithoutAsking();

  // The folder of the documentation (docs/*.md): installed beside the program or the source tree's.
  static QString documentationFolder();
  // `dino-studio --version`: the app's version and build type, Qt's (built with and running),
  // LibTorch's and its CUDA (or "CPU only"), a line each. Help > About says it too.
  static QString versionText();
  static QString aboutText();

 Q_SIGNALS:
  void runEnded(dino::RunState state);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void changeEvent(QEvent* event) override;  // a new palette (View > Appearance) retints the run icons

 private:
  void createActions();
  void tintRunIcons();
  void onStateChanged(dino::RunState state);
  QString phaseText() const;  // the status line while a run runs ("Training on gpu-box")
  QString phaseTextHere() const;
  void onRecords();
  void updateActions();
  // The run on display offered where it matters: its checkpoint.pth to the attention explorer as the
  // training teacher, its folder to the figure exports.
  void announceRunFolder();
  void showShortcuts();
  void rememberRun(const QString& folder);
  void rebuildRecentMenu();
  void refreshPreview();
  // The welcome page's ways in.
  void trainOnImageFolder();
  void openReleasedWeights(const QString& file);
  void createLanguageMenu(QMenu* view);
  void createAppearanceMenu(QMenu* view);
  bool refuseWhileRunning(const QString& title);  // true, after saying so, while a run is going
  // A run on a server: where Start trains, its connection in the status line, its checkpoint fetched.
  void onServerChosen();
  void onServerConnectionChanged(bool connected, const QString& message);
  void showRunningState();  // the phase, or the lost connection to the server
  void fetchServerCheckpoint();
  bool followServerRun(const QString& folder);  // a mirror folder (remote.json): follow the run there

  ConfigPanel* config_ = nullptr;
  Dashboard* dashboard_ = nullptr;
  SchedulePreview* schedules_ = nullptr;
  CropPreviewPanel* crops_ = nullptr;
  AttentionExplorer* attention_ = nullptr;
  WelcomePage* welcome_ = nullptr;
  EvaluatePanel* evaluate_ = nullptr;
  RunsPanel* runs_ = nullptr;
  QString cropSettingsKey_;  // the settings the crop preview was opened with
  LogPanel* log_ = nullptr;
  TrainingController* controller_ = nullptr;
  RunFollower* follower_ = nullptr;
  QAction *start_ = nullptr, *pause_ = nullptr, *resume_ = nullptr, *stop_ = nullptr;
  QAction *follow_ = nullptr, *openFolder_ = nullptr, *copyCommand_ = nullptr, *exportAll_ = nullptr;
  QAction *fetchCheckpoint_ = nullptr, *stopFollowing_ = nullptr;
  QString serverProblem_;  // the lost connection to the run's server, while it is lost
  RunLocationBox* runLocation_ = nullptr;
  QMenu* recent_ = nullptr;
  QLabel* stateLabel_ = nullptr;
  QLabel* progressLabel_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QTimer previewTimer_;
  QString runFolder_;  // the output folder on display
  bool askBeforeClosing_ = true;
  bool runHalted_ = false;                // the run trained here stopped or failed: no time left to show
  QMetaObject::Connection pendingStart_;  // startWhenScanned waiting for the data scan
};
