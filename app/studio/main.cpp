// `dino-studio`: the desktop app. Wiring only: application identity, translations, options, and
// the main window.
#include "attention/attention_explorer.h"
#include "config/config_panel.h"
#include "dashboard/dashboard.h"
#include "main_window.h"
#include "training/training_controller.h"
#include "settings/appearance.h"
#include "settings/interface_language.h"
#include "training/run_follower.h"

#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLatin1StringView>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// The application's identity and translations, for the GUI and for the text-only answers alike.
void identify(QCoreApplication& app, QTranslator& qtTranslator, QTranslator& appTranslator) {
  QCoreApplication::setOrganizationName(QStringLiteral("DINO Studio"));
  QCoreApplication::setApplicationName(QStringLiteral("DINO Studio"));
  QCoreApplication::setApplicationVersion(QStringLiteral(DINO_VERSION));
  // The language chosen under View > Language, else the system's; numbers are written its way too.
  const QLocale locale = interface_language::locale();
  QLocale::setDefault(locale);
  if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(&qtTranslator);
  // A language without a translation reads English, with English plurals ("1 image", "2 images").
  if (appTranslator.load(locale, QStringLiteral("dino-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
      appTranslator.load(QStringLiteral(":/i18n/dino-studio_en")))
    app.installTranslator(&appTranslator);
}

struct StudioOptions {
  QCommandLineOption demo{QStringLiteral("demo"),
                          QCoreApplication::translate("main", "Start from the Fashion-MNIST demo settings.")};
  QCommandLineOption settings{QStringLiteral("settings"),
                              QCoreApplication::translate("main", "Load settings from a JSON file."),
                              QStringLiteral("file")};
  QCommandLineOption follow{QStringLiteral("follow"),
                            QCoreApplication::translate("main", "Follow the run in an output folder."),
                            QStringLiteral("folder")};
  QCommandLineOption start{QStringLiteral("start"),
                           QCoreApplication::translate("main", "Press Start once the data is scanned.")};
  QCommandLineOption exportWhenDone{
      QStringLiteral("export-when-done"),
      QCoreApplication::translate("main", "When the run ends, export every figure to a folder and quit."),
      QStringLiteral("folder")};
  QCommandLineOption outputDir{QStringLiteral("output_dir"),
                               QCoreApplication::translate("main", "Output folder of the run."),
                               QStringLiteral("folder")};
  QCommandLineOption image{QStringLiteral("image"),
                           QCoreApplication::translate("main", "Open an image in the attention explorer (repeatable)."),
                           QStringLiteral("file")};
  QCommandLineOption weights{
      QStringLiteral("weights"),
      QCoreApplication::translate("main", "Weights or a training checkpoint for the attention explorer."),
      QStringLiteral("file")};
  QCommandLineOption compare{
      QStringLiteral("compare"),
      QCoreApplication::translate("main",
                                  "Weights shown beside --weights in the attention explorer (another run's "
                                  "teacher), with their difference."),
      QStringLiteral("file")};
  QCommandLineOption screenshot{
      QStringLiteral("screenshot"),
      QCoreApplication::translate("main", "After ten seconds, save the window as a PNG and quit."),
      QStringLiteral("file")};
  QCommandLineOption tab{
      QStringLiteral("tab"),
      QCoreApplication::translate(
          "main", "The tab to show: welcome, dashboard, runs, schedules, crops, attention, evaluate or log."),
      QStringLiteral("name")};

  explicit StudioOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Train DINO vision transformers and watch them learn."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(
        {demo, settings, follow, start, exportWhenDone, outputDir, image, weights, compare, screenshot, tab});
  }
};

// --help and --version print text and exit: they must work without a display (on a server, in a
// package's post-install check), where a QApplication cannot start.
bool asksOnlyForText(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const QLatin1StringView arg(argv[i]);
    if (arg == QLatin1StringView("--help") || arg == QLatin1StringView("-h") || arg == QLatin1StringView("-?") ||
        arg == QLatin1StringView("--help-all") || arg == QLatin1StringView("--version") ||
        arg == QLatin1StringView("-v"))
      return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (asksOnlyForText(argc, argv)) {
    QCoreApplication app(argc, argv);
    QTranslator qtTranslator, appTranslator;
    identify(app, qtTranslator, appTranslator);
    for (int i = 1; i < argc; ++i) {
      const QLatin1StringView arg(argv[i]);
      if (arg == QLatin1StringView("--version") || arg == QLatin1StringView("-v")) {
        std::printf("%s\n", qPrintable(MainWindow::versionText()));  // the versions a bug report needs
        return 0;
      }
    }
    QCommandLineParser parser;
    const StudioOptions options(parser);
    parser.process(app);  // prints the help and exits
    return 0;
  }
  QApplication app(argc, argv);
  QTranslator qtTranslator, appTranslator;
  identify(app, qtTranslator, appTranslator);
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dino-studio.svg")));
  // View > Appearance: the desktop's palette unless the user chose light or dark.
  if (appearance::chosen() != appearance::Scheme::System) appearance::apply(appearance::chosen());
  // Ties the windows to the installed desktop entry (its name and icon in docks and task bars).
  QGuiApplication::setDesktopFileName(QStringLiteral("org.dinostudio.DinoStudio"));

  QCommandLineParser parser;
  const StudioOptions options(parser);
  parser.process(app);
  const auto& [demo, settings, follow, start, exportWhenDone, outputDir, image, weights, compare, screenshot, tab] =
      options;

  MainWindow window;
  if (parser.isSet(demo)) window.resetToDemo();
  if (parser.isSet(settings)) {
    QFile file(parser.value(settings));
    QString error;
    if (!file.open(QIODevice::ReadOnly) ||
        !window.configPanel()->setSettingsJson(QString::fromUtf8(file.readAll()), &error)) {
      std::fprintf(stderr, "dino-studio: %s: %s\n", qPrintable(parser.value(settings)),
                   qPrintable(error.isEmpty() ? file.errorString() : error));
      return 2;
    }
  }
  if (parser.isSet(outputDir)) window.configPanel()->setValue(QStringLiteral("output_dir"), parser.value(outputDir));
  // Before the window shows: a folder that cannot be followed is an error on stderr, not a modal box.
  if (parser.isSet(follow) && !window.followRun(parser.value(follow))) {
    // A run on a server (a folder with remote.json) is followed by the controller, a local one by the follower.
    const QString why = window.controller()->lastError().isEmpty() ? window.follower()->errorString()
                                                                   : window.controller()->lastError();
    std::fprintf(stderr, "dino-studio: %s\n", qPrintable(why));
    return 2;
  }
  window.show();
  if (parser.isSet(weights)) {
    QString error;
    if (!window.attentionExplorer()->loadWeights(parser.value(weights), &error)) {
      std::fprintf(stderr, "dino-studio: --weights %s: %s\n", qPrintable(parser.value(weights)), qPrintable(error));
      return 2;
    }
  }
  if (parser.isSet(compare)) {
    QString error;
    if (!window.attentionExplorer()->compareWith(parser.value(compare), &error)) {
      std::fprintf(stderr, "dino-studio: --compare %s: %s\n", qPrintable(parser.value(compare)), qPrintable(error));
      return 2;
    }
  }
  for (const QString& file : parser.values(image)) {
    if (!window.attentionExplorer()->addImage(file)) {
      std::fprintf(stderr, "dino-studio: --image %s: not an image this app can read\n", qPrintable(file));
      return 2;
    }
  }
  if (parser.isSet(image) && !parser.isSet(tab)) window.showTab(QStringLiteral("attention"));
  // A run asked for on the command line is what the window should show, not the welcome page.
  else if ((parser.isSet(demo) || parser.isSet(follow) || parser.isSet(start)) && !parser.isSet(tab))
    window.showTab(QStringLiteral("dashboard"));
  if (parser.isSet(tab) && !window.showTab(parser.value(tab))) {
    std::fprintf(
        stderr,
        "dino-studio: --tab %s: not one of welcome, dashboard, runs, schedules, crops, attention, evaluate, log\n",
        qPrintable(parser.value(tab)));
    return 2;
  }
  int exitCode = 0;
  if (parser.isSet(screenshot)) {
    if (window.screen()) window.resize(window.screen()->availableGeometry().size());  // the whole screen, as shown
    // Ten seconds: the run's records read, the crops drawn, the attention maps computed.
    QTimer::singleShot(10000, &window, [&window, &exitCode, file = parser.value(screenshot)] {
      if (!window.grab().save(file)) {
        std::fprintf(stderr, "dino-studio: --screenshot %s: cannot be written\n", qPrintable(file));
        exitCode = 1;
      }
      window.closeWithoutAsking();
    });
  }
  if (parser.isSet(exportWhenDone)) {
    const QString folder = parser.value(exportWhenDone);
    QObject::connect(&window, &MainWindow::runEnded, &app, [&window, &exitCode, folder](dino::RunState state) {
      QString error;
      if (!window.exportAll(folder, &error))
        std::fprintf(stderr, "dino-studio: %s\n", qPrintable(error));
      else
        std::printf("dino-studio: figures and metrics.csv in %s\n", qPrintable(folder));
      exitCode = state == dino::RunState::Finished ? 0 : 1;
      window.close();
    });
  }
  if (parser.isSet(start)) {
    window.startWhenScanned([](const QString& problem) {
      std::fprintf(stderr, "dino-studio: cannot start: %s\n", qPrintable(problem));
      QApplication::exit(2);
    });
  }
  const int code = app.exec();
  return code != 0 ? code : exitCode;
}
