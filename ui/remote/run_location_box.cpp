#include "remote/run_location_box.h"

#include "remote/server_dialog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace {

enum Item { ThisMachine = -1, AddServer = -2, EditServer = -3, RemoveServer = -4 };

}  // namespace

RunLocationBox::RunLocationBox(QWidget* parent) : QComboBox(parent) {
  setSizeAdjustPolicy(QComboBox::AdjustToContents);
  setToolTip(tr("Where Start trains: this machine, or a server reached with ssh"));
  QSettings settings;
  for (const auto& server :
       QJsonDocument::fromJson(settings.value(QStringLiteral("Servers/list")).toByteArray()).array()) {
    const SshTarget target = SshTarget::fromJson(server.toObject());
    if (target.isValid()) servers_ << target;
  }
  const QString host = settings.value(QStringLiteral("Servers/current")).toString();
  int current = -1;
  for (qsizetype i = 0; i < servers_.size(); ++i)
    if (servers_[i].host == host) current = static_cast<int>(i);
  rebuild(current);
  connect(this, &QComboBox::activated, this, &RunLocationBox::onActivated);
}

SshTarget RunLocationBox::current() const { return current_ >= 0 ? servers_[current_] : SshTarget(); }

void RunLocationBox::choose(const SshTarget& target) {
  int index = -1;
  if (target.isValid()) {
    for (qsizetype i = 0; i < servers_.size(); ++i)
      if (servers_[i].host == target.host) index = static_cast<int>(i);
    if (index < 0) {
      servers_ << target;
      index = static_cast<int>(servers_.size() - 1);
    } else {
      servers_[index] = target;
    }
  }
  rebuild(index);
  save();
  Q_EMIT locationChanged(current());
}

void RunLocationBox::rebuild(int currentServer) {
  current_ = currentServer;
  QSignalBlocker block(this);
  clear();
  addItem(tr("This machine"), ThisMachine);
  for (qsizetype i = 0; i < servers_.size(); ++i) addItem(servers_[i].host, static_cast<int>(i));
  insertSeparator(count());
  addItem(tr("Add a Server..."), AddServer);
  if (current_ >= 0) {
    addItem(tr("Edit %1...").arg(servers_[current_].host), EditServer);
    addItem(tr("Remove %1").arg(servers_[current_].host), RemoveServer);
  }
  setCurrentIndex(findData(current_ >= 0 ? current_ : ThisMachine));
}

void RunLocationBox::onActivated(int index) {
  const int item = itemData(index).toInt();
  if (item >= ThisMachine) {
    if (item != current_) choose(item >= 0 ? servers_[item] : SshTarget());
    return;
  }
  if (item == RemoveServer && current_ >= 0) {
    servers_.removeAt(current_);
    choose(SshTarget());
    return;
  }
  ServerDialog dialog(item == EditServer ? servers_[current_] : SshTarget{}, this);
  if (dialog.exec() == QDialog::Accepted && dialog.target().isValid()) {
    if (item == EditServer) servers_.removeAt(current_);
    choose(dialog.target());
    return;
  }
  rebuild(current_);  // back to what was chosen
}

void RunLocationBox::save() const {
  QJsonArray list;
  for (const auto& server : servers_) list.append(server.toJson());
  QSettings settings;
  settings.setValue(QStringLiteral("Servers/list"), QJsonDocument(list).toJson(QJsonDocument::Compact));
  settings.setValue(QStringLiteral("Servers/current"), current_ >= 0 ? servers_[current_].host : QString());
}
