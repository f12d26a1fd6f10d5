#include "remote/server_dialog.h"

#include "remote/host_check.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QVBoxLayout>

ServerDialog::ServerDialog(const SshTarget& target, QWidget* parent) : QDialog(parent), check_(new HostCheck(this)) {
  setWindowTitle(tr("Server"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(
      tr("Runs started on a server go on there when the connection closes. The app uses this machine's ssh with your "
         "keys: \"ssh HOST\" must log in without a password."));
  intro->setWordWrap(true);
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  host_ = new QLineEdit(target.host);
  host_->setPlaceholderText(tr("gpu-box, or user@gpu-box.example.org (as in ~/.ssh/config)"));
  options_ = new QLineEdit;
  QStringList quotedOptions;
  for (const QString& option : target.sshOptions)
    quotedOptions << (option.contains(QLatin1Char(' ')) ? QLatin1Char('"') + option + QLatin1Char('"') : option);
  options_->setText(quotedOptions.join(QLatin1Char(' ')));
  options_->setPlaceholderText(tr("optional, e.g. -p 2222 -i ~/.ssh/id_ed25519 -J jumphost"));
  program_ = new QLineEdit(target.program);
  program_->setToolTip(
      tr("The dino command-line tool on the server: a name on its PATH or a full path. It must be "
         "this app's version."));
  runsFolder_ = new QLineEdit(target.runsFolder);
  runsFolder_->setToolTip(
      tr("Each run goes in a folder of this name as the run's folder here. A relative path is "
         "taken from the home folder there."));
  torchrun_ = new QLineEdit(target.torchrun);
  torchrun_->setToolTip(tr("Starts the processes of a run on several GPUs (Processes on this machine above 1)."));
  form->addRow(tr("Host:"), host_);
  form->addRow(tr("ssh options:"), options_);
  form->addRow(tr("dino program there:"), program_);
  form->addRow(tr("Runs folder there:"), runsFolder_);
  form->addRow(tr("torchrun there:"), torchrun_);
  layout->addLayout(form);
  result_ = new QLabel;
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(result_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  checkButton_ = buttons->addButton(tr("&Check"), QDialogButtonBox::ActionRole);
  layout->addWidget(buttons);
  connect(checkButton_, &QPushButton::clicked, this, &ServerDialog::check);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  const auto updateOk = [this, buttons] {
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!host_->text().trimmed().isEmpty());
    checkButton_->setEnabled(!host_->text().trimmed().isEmpty() && !check_->isChecking());
  };
  connect(host_, &QLineEdit::textChanged, this, updateOk);
  connect(check_, &HostCheck::finished, this, [this, updateOk](const HostReport& report) {
    result_->setStyleSheet(report.error.isEmpty() ? QString() : QStringLiteral("color: #d55e00;"));
    result_->setText(report.summary());
    updateOk();
  });
  updateOk();
  resize(560, sizeHint().height());
}

SshTarget ServerDialog::target() const {
  SshTarget target;
  target.host = host_->text().trimmed();
  target.sshOptions = QProcess::splitCommand(options_->text());
  target.program = program_->text().trimmed().isEmpty() ? QStringLiteral("dino") : program_->text().trimmed();
  target.runsFolder = runsFolder_->text().trimmed();
  target.torchrun = torchrun_->text().trimmed().isEmpty() ? QStringLiteral("torchrun") : torchrun_->text().trimmed();
  return target;
}

void ServerDialog::check() {
  if (host_->text().trimmed().isEmpty()) return;
  result_->setStyleSheet(QString());
  result_->setText(tr("Asking %1...").arg(host_->text().trimmed()));
  checkButton_->setEnabled(false);
  check_->check(target());
}

QString ServerDialog::checkResult() const { return result_->text(); }
