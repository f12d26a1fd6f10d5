// Add or edit a server to train on: its host as ssh knows it, extra ssh options, the dino program
// and the runs folder there. Check asks the server (HostCheck) and says what it found or what to
// fix; OK keeps the server even unchecked (it may be asleep now).
#pragma once

#include "remote/ssh_target.h"

#include <QDialog>

class HostCheck;
class QLabel;
class QLineEdit;
class QPushButton;

class ServerDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ServerDialog(const SshTarget& target, QWidget* parent = nullptr);

  SshTarget target() const;
  void check();                 // also behind the Check button
  QString checkResult() const;  // the last check's words, or empty

 private:
  QLineEdit *host_ = nullptr, *options_ = nullptr, *program_ = nullptr, *runsFolder_ = nullptr, *torchrun_ = nullptr;
  QLabel* result_ = nullptr;
  QPushButton* checkButton_ = nullptr;
  HostCheck* check_ = nullptr;
};
