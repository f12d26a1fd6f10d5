#include "log/log_panel.h"

#include "training/external_run.h"

#include <dino/log/log.h>

#include <QApplication>
#include <QFontDatabase>
#include <QMetaObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTime>

LogPanel::LogPanel(QWidget* parent) : QPlainTextEdit(parent) {
  setReadOnly(true);
  setMaximumBlockCount(5000);
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  QPointer<LogPanel> self(this);
  dino::log::set_listener([self](dino::log::Level level, const std::string& message) {
    // Any thread: hand the text to the GUI thread and return at once.
    const QString text = QString::fromStdString(message);
    QMetaObject::invokeMethod(
        qApp,
        [self, level, text] {
          if (self) self->appendMessage(static_cast<int>(level), text);
        },
        Qt::QueuedConnection);
  });
}

LogPanel::~LogPanel() { dino::log::set_listener(nullptr); }

void LogPanel::appendMessage(int level, const QString& message) {
  static const char* names[] = {"debug", "info", "warning", "error"};
  appendPlainText(QStringLiteral("%1 [%2] %3")
                      .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                           QLatin1String(names[std::clamp(level, 0, 3)]), message));
}

void LogPanel::appendProcessOutput(int rank, const QString& line) { appendToolLine(tr("process %1").arg(rank), line); }

void LogPanel::appendServerOutput(const QString& host, const QString& line) { appendToolLine(host, line); }

void LogPanel::appendToolLine(const QString& source, const QString& line) {
  // The console's colour codes, if the tool thought it wrote to a terminal, are not text.
  static const QRegularExpression colour(QStringLiteral("\\x1b\\[[0-9;]*m"));
  static const QRegularExpression levelPrefix(QStringLiteral("^\\[(debug|info|warning|error)\\] "));
  QString text = line;
  text.remove(colour);
  int level = static_cast<int>(dino::log::Level::Info);
  if (const auto match = levelPrefix.match(text); match.hasMatch()) {
    static const QStringList names{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                                   QStringLiteral("error")};
    level = static_cast<int>(names.indexOf(match.captured(1)));
    text = text.mid(match.capturedLength());
  } else if (const QString error = toolError(text); !error.isEmpty()) {
    level = static_cast<int>(dino::log::Level::Error);
    text = error;
  }
  appendMessage(level, tr("%1: %2").arg(source, text));
}
