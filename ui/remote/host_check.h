// What a server offers before a run starts there: whether ssh reaches it, whether the dino program
// is there and is this app's version (the app reads what that version writes), its devices (from
// `dino info --devices --json`), the free space where runs go, and whether torchrun is there for
// runs of several processes.
#pragma once

#include "remote/ssh_target.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <QStringList>

struct HostReport {
  QString error;                   // empty when the server can run this app's training
  QString version;                 // dino's version there ("0.14.0")
  QStringList devices;             // as --device names them: "cpu", "cuda:0", ...
  QStringList deviceDescriptions;  // "NVIDIA H100 80GB HBM3, 79.1 GiB"
  qint64 freeBytes = -1;           // in the runs folder (or the nearest folder above it that exists)
  bool hasTorchrun = false;
  QString summary() const;  // one paragraph for the user
};

Q_DECLARE_METATYPE(HostReport)

class HostCheck : public QObject {
  Q_OBJECT

 public:
  explicit HostCheck(QObject* parent = nullptr);
  ~HostCheck() override;

  // The version the server's dino must have; empty accepts any (default: this app's version).
  void setExpectedVersion(const QString& version) { expectedVersion_ = version; }
  void check(const SshTarget& target);  // finished() tells
  void cancel();
  bool isChecking() const { return process_ != nullptr; }

 Q_SIGNALS:
  void finished(const HostReport& report);

 private:
  HostReport parse(const SshTarget& target, int exitCode, const QByteArray& output, const QString& errors) const;

  QString expectedVersion_;
  QPointer<QProcess> process_;
};
