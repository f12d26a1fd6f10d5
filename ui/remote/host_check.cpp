#include "remote/host_check.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

namespace {

const QByteArray kDevicesBegin = "dino-studio-devices-begin";
const QByteArray kDevicesEnd = "dino-studio-devices-end";
const QByteArray kFree = "dino-studio-free-kib ";
const QByteArray kTorchrun = "dino-studio-torchrun ";
constexpr qint64 kLowSpaceBytes = 2LL << 30;  // a few checkpoints of a ViT-S/16 run

}  // namespace

QString HostReport::summary() const {
  if (!error.isEmpty()) return error;
  QString text = QCoreApplication::translate("HostCheck", "dino %1 is there.").arg(version);
  QStringList gpus;
  for (qsizetype i = 0; i < devices.size(); ++i)
    if (devices[i] != QLatin1String("cpu"))
      gpus << QStringLiteral("%1 (%2)").arg(devices[i], deviceDescriptions.value(i));
  text += QLatin1Char(' ');
  text += gpus.isEmpty() ? QCoreApplication::translate("HostCheck", "No GPU: runs there train on its CPU.")
                         : QCoreApplication::translate("HostCheck", "GPUs: %1.").arg(gpus.join(QStringLiteral(", ")));
  if (freeBytes >= 0) {
    text += QLatin1Char(' ');
    text += QCoreApplication::translate("HostCheck", "%1 free for runs.").arg(QLocale().formattedDataSize(freeBytes));
    if (freeBytes < kLowSpaceBytes)
      text += QLatin1Char(' ') + QCoreApplication::translate("HostCheck", "That is little: checkpoints may not fit.");
  }
  if (!hasTorchrun && gpus.size() > 1)
    text += QLatin1Char(' ') +
            QCoreApplication::translate("HostCheck", "torchrun is not there: runs of several processes need it.");
  return text;
}

HostCheck::HostCheck(QObject* parent) : QObject(parent), expectedVersion_(QCoreApplication::applicationVersion()) {}

HostCheck::~HostCheck() { cancel(); }

void HostCheck::cancel() {
  if (!process_) return;
  process_->disconnect(this);
  process_->kill();
  process_->waitForFinished(2000);
  delete process_;
}

void HostCheck::check(const SshTarget& target) {
  cancel();
  QString script = QStringLiteral("prog=%1\ntorchrun=%2\nd=%3\n")
                       .arg(ssh::shellWord(target.program), ssh::shellWord(target.torchrun),
                            ssh::shellWord(target.runsFolder.isEmpty() ? QStringLiteral("~") : target.runsFolder));
  script += ssh::requireProgramScript({});  // the version is read below, to be named
  script += QStringLiteral("echo %1\n\"$prog\" info --devices --json || exit 8\necho %2\n")
                .arg(QString::fromLatin1(kDevicesBegin), QString::fromLatin1(kDevicesEnd));
  // The space where runs will go: the runs folder, or the nearest folder above it that exists.
  script += QStringLiteral(
                "while [ ! -d \"$d\" ]; do d=$(dirname -- \"$d\"); done\n"
                "echo \"%1$(df -Pk -- \"$d\" | awk 'NR==2 {print $4}')\"\n")
                .arg(QString::fromLatin1(kFree));
  script += QStringLiteral("if command -v \"$torchrun\" >/dev/null 2>&1; then echo '%1yes'; else echo '%1no'; fi\n")
                .arg(QString::fromLatin1(kTorchrun));
  process_ = new QProcess(this);
  auto* timeout = new QTimer(process_);
  timeout->setSingleShot(true);
  connect(timeout, &QTimer::timeout, process_, &QProcess::kill);
  connect(process_, &QProcess::finished, this, [this, target](int code, QProcess::ExitStatus status) {
    QProcess* process = process_;
    process_ = nullptr;
    const QByteArray output = process->readAllStandardOutput();
    const QString errors = QString::fromUtf8(process->readAllStandardError());
    process->deleteLater();
    Q_EMIT finished(parse(target, status == QProcess::NormalExit ? code : 255, output, errors));
  });
  connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;
    HostReport report;
    report.error = ssh::clientFailedToStart(process_->errorString());
    process_->deleteLater();
    process_ = nullptr;
    Q_EMIT finished(report);
  });
  ssh::startScript(*process_, target, script);
  timeout->start(60000);
}

HostReport HostCheck::parse(const SshTarget& target, int exitCode, const QByteArray& output,
                            const QString& errors) const {
  HostReport report;
  if (exitCode != 0) {
    report.error = exitCode == 8
                       ? tr("%1 on %2 failed to list its devices: %3")
                             .arg(target.program, target.host, errors.trimmed().section(QLatin1Char('\n'), -1))
                       : ssh::explainFailure(target, exitCode, errors);
    return report;
  }
  const qsizetype begin = output.indexOf(kDevicesBegin), end = output.indexOf(kDevicesEnd);
  QJsonParseError parseError;
  const QJsonDocument json =
      begin >= 0 && end > begin
          ? QJsonDocument::fromJson(output.mid(begin + kDevicesBegin.size(), end - begin - kDevicesBegin.size()),
                                    &parseError)
          : QJsonDocument();
  if (!json.isObject()) {
    report.error =
        tr("%1 on %2 is not DINO Studio's dino (or too old a version): 'info --devices --json' printed no devices.")
            .arg(target.program, target.host);
    return report;
  }
  const QJsonObject info = json.object();
  report.version = info.value(QStringLiteral("dino_version")).toString();
  for (const auto& device : info.value(QStringLiteral("devices")).toArray()) {
    const QJsonObject d = device.toObject();
    report.devices << d.value(QStringLiteral("name")).toString();
    QString description = d.value(QStringLiteral("model")).toString();
    if (const double bytes = d.value(QStringLiteral("memory_bytes")).toDouble(); bytes > 0)
      description += QStringLiteral(", ") + QLocale().formattedDataSize(static_cast<qint64>(bytes));
    report.deviceDescriptions << description;
  }
  for (const QByteArray& line : output.split('\n')) {
    if (line.startsWith(kFree)) {
      bool ok = false;
      const qint64 kib = line.mid(kFree.size()).trimmed().toLongLong(&ok);
      if (ok) report.freeBytes = kib * 1024;
    } else if (line.startsWith(kTorchrun)) {
      report.hasTorchrun = line.mid(kTorchrun.size()).trimmed() == "yes";
    }
  }
  if (!expectedVersion_.isEmpty() && report.version != expectedVersion_)
    report.error = tr("%1 on %2 is version %3, this app is %4: install the same version there (the app reads the files "
                      "that version writes, and starts it with this version's settings).")
                       .arg(target.program, target.host, report.version, expectedVersion_);
  return report;
}
