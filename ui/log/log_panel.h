// The run's log in the window: every message of the core's logger (spdlog), appended on the GUI
// thread whatever thread wrote it.
#pragma once

#include <QPlainTextEdit>

class LogPanel : public QPlainTextEdit {
  Q_OBJECT

 public:
  explicit LogPanel(QWidget* parent = nullptr);
  ~LogPanel() override;

  void appendMessage(int level, const QString& message);
  // A line that process `rank` of a run of several printed: "[info] ...", "[warning] ..." as the
  // command line's console shows the core's messages, or its closing "dino: error: ...".
  void appendProcessOutput(int rank, const QString& line);
  // The same for a line of the run on a server, marked with its host.
  void appendServerOutput(const QString& host, const QString& line);

 private:
  void appendToolLine(const QString& source, const QString& line);
};
