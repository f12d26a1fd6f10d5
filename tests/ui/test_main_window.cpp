// The window as a user drives it: the demo settings ready at first start, a run started and
// finished with the dashboard filled, its teacher offered to the attention explorer, its figures
// exported, the same run followed from its folder (the teacher offered there too), and the run
// remembered among the recent ones.
#include "attention/attention_explorer.h"
#include "config/config_panel.h"
#include "crops/crop_preview_panel.h"
#include "dashboard/dashboard.h"
#include "dashboard/metric_chart.h"
#include "main_window.h"
#include "settings/appearance.h"
#include "settings/interface_language.h"
#include "settings/recent_folders.h"
#include "training/training_controller.h"
#include "welcome/welcome_page.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QActionGroup>
#include <QApplication>
#include <QTimer>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

QMenu* menuNamed(const MainWindow& window, const QString& title) {
  for (QMenu* menu : window.findChildren<QMenu*>())
    if (menu->title() == title) return menu;
  return nullptr;
}

class TestMainWindow : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // The shell: Pause, Resume and Stop have shortcuts; About names the versions.
  void shortcutsAndAbout() {
    MainWindow window;
    QStringList shortcuts;
    for (QAction* action : window.findChildren<QAction*>())
      if (QStringList{QStringLiteral("&Pause"), QStringLiteral("Res&ume"), QStringLiteral("S&top")}.contains(
              action->text()))
        shortcuts << action->shortcut().toString();
    shortcuts.sort();
    QCOMPARE(shortcuts,
             (QStringList{QStringLiteral("Ctrl+P"), QStringLiteral("Ctrl+Shift+P"), QStringLiteral("Ctrl+T")}));
    const QString about = MainWindow::aboutText();
    QVERIFY2(about.contains(QStringLiteral("Qt " QT_VERSION_STR)), qPrintable(about));
    QVERIFY(about.contains(QCoreApplication::applicationVersion()));
    QVERIFY2(QRegularExpression(QStringLiteral("LibTorch \\d+\\.\\d+")).match(about).hasMatch(), qPrintable(about));
    QVERIFY(about.contains(QStringLiteral("CPU only")) || about.contains(QStringLiteral("CUDA 1")));
    QVERIFY(!MainWindow::documentationFolder().isEmpty());  // the source tree's docs in a build tree
    QVERIFY(window.showTab(QStringLiteral("Attention")));
    QCOMPARE(qobject_cast<QTabWidget*>(window.centralWidget())->currentWidget(), window.attentionExplorer());
    QVERIFY(!window.showTab(QStringLiteral("nowhere")));
  }

  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // QSettings under a test location
    QCoreApplication::setOrganizationName(QStringLiteral("DINO Studio tests"));
    QSettings().clear();
  }

  // The first start opens on the welcome page, later ones on the dashboard; View > Language keeps
  // the choice for the next start and the app's locale follows it.
  void welcomeAndLanguage() {
    QSettings().remove(QStringLiteral("Welcome/shown"));
    QSettings().remove(QStringLiteral("Interface/language"));
    const auto tabsOf = [](const MainWindow& w) { return qobject_cast<QTabWidget*>(w.centralWidget()); };
    {
      MainWindow first;
      QCOMPARE(tabsOf(first)->currentWidget(), static_cast<QWidget*>(first.welcomePage()));
    }
    MainWindow window;
    QCOMPARE(tabsOf(window)->currentWidget(), static_cast<QWidget*>(window.dashboard()));
    QVERIFY(window.showTab(QStringLiteral("welcome")));
    QCOMPARE(tabsOf(window)->currentWidget(), static_cast<QWidget*>(window.welcomePage()));

    QAction* german = nullptr;
    QStringList languages;
    for (QAction* action : menuNamed(window, QStringLiteral("&Language"))->actions()) {
      languages << action->text();
      if (action->text() == QStringLiteral("Deutsch")) german = action;
    }
    QCOMPARE(languages, (QStringList{QStringLiteral("System language"), QStringLiteral("English"),
                                     QStringLiteral("Deutsch"), QStringLiteral("简体中文")}));
    QVERIFY(german);
    // The choice is confirmed in a message box: close it when it shows.
    QTimer::singleShot(0, this, [] {
      if (QWidget* box = QApplication::activeModalWidget()) box->close();
    });
    german->trigger();
    QCOMPARE(interface_language::chosen(), QStringLiteral("de"));
    QCOMPARE(interface_language::locale().language(), QLocale::German);
    interface_language::choose(QString());
    QVERIFY(!QSettings().contains(QStringLiteral("Interface/language")));
  }

  // View > Appearance: Dark recolours the window and the charts at once, exports stay dark on white,
  // and System gives the platform's palette back.
  void appearanceSchemes() {
    QSettings().remove(QStringLiteral("Interface/appearance"));
    const QColor platformWindow = QApplication::palette().color(QPalette::Window);
    MainWindow window;
    MetricChart* chart = window.dashboard()->findChild<MetricChart*>();
    QVERIFY(chart);
    QAction* dark = nullptr;
    QAction* system = nullptr;
    for (QAction* action : menuNamed(window, QStringLiteral("&Appearance"))->actions()) {
      if (action->text() == QStringLiteral("&Dark")) dark = action;
      if (action->text() == QStringLiteral("&System")) system = action;
    }
    QVERIFY(dark && system);
    dark->trigger();
    QCoreApplication::processEvents();  // Qt posts the palette change to the widgets
    QVERIFY(appearance::isDark(QApplication::palette()));
    QCOMPARE(QSettings().value(QStringLiteral("Interface/appearance")).toString(), QStringLiteral("dark"));
    QCOMPARE(chart->xAxis->tickLabelColor(), chart->palette().color(QPalette::Text));
    QVERIFY(chart->xAxis->tickLabelColor().lightness() > 200);  // light text on the dark chart

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(chart->exportFigure(png, 400, 300, 96));
    const QImage figure(png);
    QCOMPARE(figure.pixelColor(2, 2), QColor(Qt::white));  // the figure's background...
    int darkPixels = 0;                                    // ... under dark axes, ticks and labels
    for (int y = 0; y < figure.height(); ++y)
      for (int x = 0; x < figure.width(); ++x) darkPixels += figure.pixelColor(x, y).lightness() < 60;
    QVERIFY2(darkPixels > 300, qPrintable(QString::number(darkPixels)));
    QVERIFY(chart->xAxis->tickLabelColor().lightness() > 200);  // and the window's colours back

    system->trigger();
    QCoreApplication::processEvents();
    QVERIFY(!QSettings().contains(QStringLiteral("Interface/appearance")));
    QCOMPARE(QApplication::palette().color(QPalette::Window), platformWindow);
  }

  // File dialogs start where the same kind of file was last taken from; a folder since removed
  // falls back on the home folder.
  void recentFolders() {
    QTemporaryDir dir;
    const QString weights = QDir(dir.path()).filePath(QStringLiteral("teacher.pth"));
    recent_folders::remember(QStringLiteral("weights"), weights);
    QCOMPARE(recent_folders::last(QStringLiteral("weights")), QFileInfo(dir.path()).absoluteFilePath());
    recent_folders::remember(QStringLiteral("images"), dir.path());
    QCOMPARE(recent_folders::suggest(QStringLiteral("images"), QStringLiteral("x.png")),
             QDir(QFileInfo(dir.path()).absoluteFilePath()).filePath(QStringLiteral("x.png")));
    recent_folders::remember(QStringLiteral("runs"), QString());  // a cancelled dialog changes nothing
    QCOMPARE(recent_folders::last(QStringLiteral("runs")), QDir::homePath());
    dir.remove();
    QCOMPARE(recent_folders::last(QStringLiteral("weights")), QDir::homePath());
  }

  // A stopped run's status line keeps its last step but no longer counts time down, and says how
  // to go on.
  void stoppedRunShowsNoTimeLeft() {
    QTemporaryDir dir;
    MainWindow window;
    QVERIFY(window.configPanel()->setSettingsJson(
        QStringLiteral("{\"epochs\": 50, \"time_budget\": \"\", \"limit_images\": 256, \"batch_size_per_gpu\": 16, "
                       "\"depth\": 1, \"knn_freq\": 0, \"knn_train_images\": 20, \"knn_test_images\": 20, "
                       "\"output_dir\": \"%1\"}")
            .arg(dir.filePath(QStringLiteral("run")))));
    QTRY_VERIFY_WITH_TIMEOUT(window.configPanel()->canStart(), 30000);
    QSignalSpy ended(&window, &MainWindow::runEnded);
    QVERIFY(window.startRun(false));
    const auto statusTexts = [&window] {
      QStringList texts;
      for (QLabel* label : window.statusBar()->findChildren<QLabel*>()) texts << label->text();
      return texts.join(QStringLiteral(" | "));
    };
    QTRY_VERIFY_WITH_TIMEOUT(statusTexts().contains(QStringLiteral(" left")), 60000);
    window.controller()->stop();
    QVERIFY(ended.wait(60000));
    QTRY_VERIFY2(statusTexts().contains(QStringLiteral("not running")), qPrintable(statusTexts()));
    QVERIFY2(!statusTexts().contains(QStringLiteral(" left")), qPrintable(statusTexts()));
    QVERIFY2(statusTexts().contains(QStringLiteral("Stopped: Start resumes it")), qPrintable(statusTexts()));
    // The run's settings and folder are remembered: forget them, so the next test starts afresh.
    QSettings().remove(QStringLiteral("Run"));
  }

  void runFollowAndExport() {
    QTemporaryDir dir;
    MainWindow window;
    // First start: the Fashion-MNIST demo, in a fresh output folder.
    QCOMPARE(window.configPanel()->value(QStringLiteral("embed_dim")).toInteger(), qint64{96});
    QVERIFY(window.configPanel()
                ->value(QStringLiteral("output_dir"))
                .toString()
                .contains(QStringLiteral("dino-studio-runs")));
    const QString run = dir.filePath(QStringLiteral("run"));
    QVERIFY(window.configPanel()->setSettingsJson(
        QStringLiteral(
            "{\"epochs\": 1, \"time_budget\": \"\", \"limit_images\": 256, \"batch_size_per_gpu\": 32, \"depth\": 1, "
            "\"knn_train_images\": 200, \"knn_test_images\": 100, \"output_dir\": \"%1\"}")
            .arg(run)));
    QTRY_VERIFY_WITH_TIMEOUT(window.configPanel()->canStart(), 30000);
    QVERIFY(window.commandLine().contains(QStringLiteral("--limit_images 256")));
    QSignalSpy ended(&window, &MainWindow::runEnded);
    QVERIFY(window.startRun(false));
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.at(0).at(0).value<dino::RunState>(), dino::RunState::Finished);
    const auto steps = window.dashboard()->history().steps().size();
    QCOMPARE(steps, size_t{256 / 32});
    QCOMPARE(window.dashboard()->history().knn().size(), size_t{2});  // at initialisation and at the end
    // The status line's time left ends at nothing once the last evaluation has come.
    QLabel* progress = nullptr;
    for (auto* label : window.statusBar()->findChildren<QLabel*>())
      if (label->text().startsWith(QStringLiteral("epoch "))) progress = label;
    QVERIFY(progress);
    QVERIFY2(progress->text().endsWith(QStringLiteral("nothing left")), qPrintable(progress->text()));

    // The run's teacher is one click away in the attention explorer once the run has a checkpoint.
    auto* explorer = window.findChild<AttentionExplorer*>();
    QVERIFY(explorer);
    auto teacherButton = [](QWidget* parent) {
      for (auto* button : parent->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Training Teacher")) return button;
      return static_cast<QPushButton*>(nullptr);
    };
    QVERIFY(teacherButton(explorer) && teacherButton(explorer)->isEnabled());
    teacherButton(explorer)->click();
    QVERIFY2(QString::fromStdString(explorer->provenance().model).contains(QStringLiteral("checkpoint.pth")),
             explorer->provenance().model.c_str());

    QString error;
    QVERIFY2(window.exportAll(dir.filePath(QStringLiteral("figures")), &error), qPrintable(error));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("figures/loss.svg"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("figures/metrics.csv"))));

    // A click on a chart moves the step cursor, and the Crops tab shows that step's batch: the
    // sample the previewer redraws from the run's seed (its match with the loader is core's test).
    Q_EMIT window.dashboard()->charts()[0]->cursorRequested(5.2);
    QCOMPARE(window.cropPreview()->iteration(), qint64{5});
    QTRY_VERIFY_WITH_TIMEOUT(window.cropPreview()->current().iteration == 5, 30000);
    const dino::run_settings::CropPreviewer previewer(window.configPanel()->settings());
    const auto expected = previewer.at_iteration(5, 0);
    QCOMPARE(window.cropPreview()->current().index, expected.index);
    QCOMPARE(window.cropPreview()->current().crops[0].image.rgb, expected.crops[0].image.rgb);

    // Following the finished run's folder shows the same records.
    QVERIFY(window.followRun(run));
    QCOMPARE(window.dashboard()->history().steps().size(), steps);
    QCOMPARE(QSettings().value(QStringLiteral("Run/recent")).toStringList().value(0), QDir(run).absolutePath());

    QCOMPARE(window.windowTitle(), QStringLiteral("run - DINO Studio"));  // the run's name first

    // A window that only follows the run offers its teacher too.
    MainWindow follower;
    QVERIFY(follower.followRun(run));
    auto* followed = follower.findChild<AttentionExplorer*>();
    QVERIFY(teacherButton(followed)->isEnabled());
    teacherButton(followed)->click();
    QVERIFY(QString::fromStdString(followed->provenance().model).contains(QStringLiteral("checkpoint.pth")));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
