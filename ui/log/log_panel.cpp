#include "log/log_panel.h"

#include <dino/log/log.h>

#include <QApplication>
#include <QFontDatabase>
#include <QMetaObject>
#include <QPointer>
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
        qApp, [self, level, text] {
          if (self) self->appendMessage(static_cast<int>(level), text);
        },
        Qt::QueuedConnection);
  });
}

LogPanel::~LogPanel() { dino::log::set_listener(nullptr); }

void LogPanel::appendMessage(int level, const QString& message) {
  static const char* names[] = {"debug", "info", "warning", "error"};
  appendPlainText(QStringLiteral("%1 [%2] %3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                                  QLatin1String(names[std::clamp(level, 0, 3)]), message));
}
