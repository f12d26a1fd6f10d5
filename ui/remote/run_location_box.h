// "Run on": this machine or one of the servers the user added, in the Run toolbar. The servers and
// the choice are kept in QSettings (Servers/list, Servers/current); adding or editing one opens a
// ServerDialog.
#pragma once

#include "remote/ssh_target.h"

#include <QComboBox>
#include <QList>

class RunLocationBox : public QComboBox {
  Q_OBJECT

 public:
  explicit RunLocationBox(QWidget* parent = nullptr);

  // The chosen server; an invalid target for this machine.
  SshTarget current() const;
  // Chooses the server with this host (adding it when new), or this machine for an empty host.
  void choose(const SshTarget& target);

 Q_SIGNALS:
  void locationChanged(const SshTarget& target);

 private:
  void rebuild(int currentServer);  // -1: this machine
  void onActivated(int index);
  void save() const;

  QList<SshTarget> servers_;
  int current_ = -1;
};
