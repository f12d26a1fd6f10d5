// `dino-studio`: the desktop app. Wiring only: application identity, translations, options, and
// the main window.
#include "config/config_panel.h"
#include "dashboard/dashboard.h"
#include "main_window.h"
#include "training/run_follower.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("DINO Studio"));
  QApplication::setApplicationName(QStringLiteral("DINO Studio"));
  QApplication::setApplicationVersion(QStringLiteral(DINO_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dino-studio.svg")));

  QTranslator qtTranslator, appTranslator;
  if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(&qtTranslator);
  if (appTranslator.load(QLocale(), QStringLiteral("dino-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    app.installTranslator(&appTranslator);

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Train DINO vision transformers and watch them learn."));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Start from the Fashion-MNIST demo settings."));
  QCommandLineOption settings(QStringLiteral("settings"), QApplication::translate("main", "Load settings from a JSON file."),
                              QStringLiteral("file"));
  QCommandLineOption follow(QStringLiteral("follow"), QApplication::translate("main", "Follow the run in an output folder."),
                            QStringLiteral("folder"));
  QCommandLineOption start(QStringLiteral("start"), QApplication::translate("main", "Press Start once the data is scanned."));
  QCommandLineOption exportWhenDone(QStringLiteral("export-when-done"),
                                    QApplication::translate("main", "When the run ends, export every figure to a folder and quit."),
                                    QStringLiteral("folder"));
  QCommandLineOption outputDir(QStringLiteral("output_dir"), QApplication::translate("main", "Output folder of the run."),
                               QStringLiteral("folder"));
  parser.addOptions({demo, settings, follow, start, exportWhenDone, outputDir});
  parser.process(app);

  MainWindow window;
  if (parser.isSet(demo)) window.resetToDemo();
  if (parser.isSet(settings)) {
    QFile file(parser.value(settings));
    QString error;
    if (!file.open(QIODevice::ReadOnly) || !window.configPanel()->setSettingsJson(QString::fromUtf8(file.readAll()), &error)) {
      std::fprintf(stderr, "dino-studio: %s: %s\n", qPrintable(parser.value(settings)),
                   qPrintable(error.isEmpty() ? file.errorString() : error));
      return 2;
    }
  }
  if (parser.isSet(outputDir)) window.configPanel()->setValue(QStringLiteral("output_dir"), parser.value(outputDir));
  window.show();
  if (parser.isSet(follow) && !window.followRun(parser.value(follow))) {
    std::fprintf(stderr, "dino-studio: %s\n", qPrintable(window.follower()->errorString()));
    return 2;
  }
  int exitCode = 0;
  if (parser.isSet(exportWhenDone)) {
    const QString folder = parser.value(exportWhenDone);
    QObject::connect(&window, &MainWindow::runEnded, &app, [&window, &exitCode, folder](dino::RunState state) {
      QString error;
      if (!window.exportAll(folder, &error)) std::fprintf(stderr, "dino-studio: %s\n", qPrintable(error));
      else std::printf("dino-studio: figures and metrics.csv in %s\n", qPrintable(folder));
      exitCode = state == dino::RunState::Finished ? 0 : 1;
      window.close();
    });
  }
  if (parser.isSet(start)) {
    // Start as soon as the data scan says the run can start (the scan runs in the background).
    auto tryStart = [&window] {
      if (window.configPanel()->canStart()) {
        window.startRun(false);
        return true;
      }
      return false;
    };
    if (!tryStart()) {
      auto* connection = new QMetaObject::Connection;
      *connection = QObject::connect(window.configPanel(), &ConfigPanel::dataScanned, &window, [tryStart, connection, &window] {
        QObject::disconnect(*connection);
        delete connection;
        if (!tryStart()) {
          std::fprintf(stderr, "dino-studio: cannot start: %s\n", qPrintable(window.configPanel()->problem()));
          QApplication::exit(2);
        }
      });
    }
  }
  const int code = app.exec();
  return code != 0 ? code : exitCode;
}
