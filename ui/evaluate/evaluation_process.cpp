#include "evaluate/evaluation_process.h"

#include "command_line_tool.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

QStringList EvaluationRequest::arguments() const {
  QStringList args{method,        QStringLiteral("--pretrained_weights"), model,   QStringLiteral("--checkpoint_key"),
                   checkpointKey, QStringLiteral("--data_path"),          dataPath};
  if (method == QLatin1String("knn")) {
    args << QStringLiteral("--nb_knn");
    for (int k : nbKnn) args << QString::number(k);
    args << QStringLiteral("--temperature") << QString::number(temperature);
  } else {
    args << QStringLiteral("--epochs") << QString::number(epochs) << QStringLiteral("--lr") << QString::number(lr)
         << QStringLiteral("--batch_size_per_gpu") << QString::number(batchSize) << QStringLiteral("--n_last_blocks")
         << QString::number(nLastBlocks) << QStringLiteral("--num_labels") << QStringLiteral("0")
         << QStringLiteral("--avgpool_patchtokens")
         << (avgpoolPatchtokens ? QStringLiteral("true") : QStringLiteral("false")) << QStringLiteral("--output_dir")
         << outputDir;
    if (cacheFeatures) args << QStringLiteral("--cache_features");
  }
  return args;
}

QString EvaluationRequest::settingsText() const {
  if (method == QLatin1String("knn")) {
    QStringList ks;
    for (int k : nbKnn) ks << QString::number(k);
    return QStringLiteral("--nb_knn %1 --temperature %2").arg(ks.join(QLatin1Char(' '))).arg(temperature);
  }
  return QStringLiteral("--epochs %1 --lr %2 --batch_size_per_gpu %3 --n_last_blocks %4 --num_labels 0%5%6")
      .arg(epochs)
      .arg(lr)
      .arg(batchSize)
      .arg(nLastBlocks)
      .arg(avgpoolPatchtokens ? QStringLiteral(" --avgpool_patchtokens true") : QString())
      .arg(cacheFeatures ? QStringLiteral(" --cache_features") : QString());
}

EvaluationProcess::EvaluationProcess(QObject* parent) : QObject(parent), program_(defaultProgram()) {
  connect(&process_, &QProcess::readyReadStandardOutput, this, &EvaluationProcess::readOutput);
  connect(&process_, &QProcess::readyReadStandardError, this, &EvaluationProcess::readErrors);
  connect(&process_, &QProcess::finished, this, &EvaluationProcess::onFinished);
  // A program that cannot be started never finishes: say why, or the panel waits for ever.
  connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart)
      Q_EMIT failed(tr("%1 could not be started: %2").arg(program_, process_.errorString()));
  });
  endWithThisApp(process_);
}

EvaluationProcess::~EvaluationProcess() {
  // Nothing is reported from here on: the panel listening may be half destroyed.
  process_.disconnect(this);
  if (isRunning()) {
    process_.kill();
    process_.waitForFinished(5000);
  }
}

QString EvaluationProcess::defaultProgram() { return commandLineToolPath(); }

bool EvaluationProcess::start(const EvaluationRequest& request, QString* error) {
  auto fail = [error](const QString& message) {
    if (error) *error = message;
    return false;
  };
  if (isRunning()) return fail(tr("An evaluation is already running."));
  if (program_.isEmpty() || !QFileInfo(program_).isExecutable())
    return fail(
        tr("The dino command-line program was not found beside DINO Studio or on PATH; it runs the evaluations."));
  request_ = request;
  outBuffer_.clear();
  errBuffer_.clear();
  errorLines_.clear();
  pendingTop1_ = pendingTop5_ = pendingLoss_ = bestTop1_ = bestTop5_ = NAN;
  bestEpoch_ = -1;
  knnResults_.clear();
  stopping_ = false;
  clock_.start();
  process_.start(program_, request.arguments());
  return true;
}

void EvaluationProcess::stop() {
  if (!isRunning()) return;
  stopping_ = true;
  process_.kill();
}

void EvaluationProcess::readOutput() {
  outBuffer_ += process_.readAllStandardOutput();
  static const QRegularExpression knn(QStringLiteral("^(\\d+)-NN classifier result: Top1: ([0-9.]+), Top5: ([0-9.]+)"));
  static const QRegularExpression validation(
      // Numbers as the command prints them, nan and exponents included.
      QStringLiteral("^\\* Acc@1 ([-+0-9.eE]+|nan)(?: Acc@5 ([-+0-9.eE]+|nan))? loss ([-+0-9.eE]+|nan|inf)"));
  static const QRegularExpression epoch(QStringLiteral("^Accuracy at epoch (\\d+) "));
  int end;
  while ((end = outBuffer_.indexOf('\n')) >= 0) {
    const QString line = QString::fromUtf8(outBuffer_.left(end)).trimmed();
    outBuffer_.remove(0, end + 1);
    if (line.isEmpty()) continue;
    Q_EMIT progress(line);
    if (const auto m = knn.match(line); m.hasMatch()) {
      const int k = m.captured(1).toInt();
      knnResults_.append({k, m.captured(2).toDouble(), m.captured(3).toDouble()});
    } else if (const auto v = validation.match(line); v.hasMatch()) {
      pendingTop1_ = v.captured(1).toDouble();
      pendingTop5_ = v.captured(2).isEmpty() ? NAN : v.captured(2).toDouble();
      pendingLoss_ = v.captured(3).toDouble();
    } else if (const auto e = epoch.match(line); e.hasMatch() && std::isfinite(pendingTop1_)) {
      const int n = e.captured(1).toInt();
      if (!std::isfinite(bestTop1_) || pendingTop1_ > bestTop1_) {
        bestTop1_ = pendingTop1_;
        bestTop5_ = pendingTop5_;
        bestEpoch_ = n;
      }
      Q_EMIT probePoint(n, pendingTop1_, pendingTop5_, pendingLoss_);
      pendingTop1_ = NAN;
    }
  }
}

void EvaluationProcess::readErrors() {
  errBuffer_ += process_.readAllStandardError();
  int end;
  while ((end = errBuffer_.indexOf('\n')) >= 0) {
    const QString line = QString::fromUtf8(errBuffer_.left(end)).trimmed();
    errBuffer_.remove(0, end + 1);
    if (line.isEmpty()) continue;
    errorLines_ << line;
    if (errorLines_.size() > 20) errorLines_.removeFirst();
    Q_EMIT progress(line);
  }
}

void EvaluationProcess::onFinished(int exitCode, QProcess::ExitStatus status) {
  readOutput();
  readErrors();
  if (!outBuffer_.isEmpty()) {  // a last line without its newline
    outBuffer_ += '\n';
    readOutput();
  }
  if (stopping_) {
    stopping_ = false;
    Q_EMIT stopped();
    return;
  }
  if (status != QProcess::NormalExit || exitCode != 0) {
    // The command's own message ("dino: error: ..."), else its last lines.
    QString message;
    for (const auto& line : errorLines_)
      if (line.startsWith(QLatin1String("dino: error: "))) message = line.mid(13);
    if (message.isEmpty()) message = errorLines_.isEmpty() ? process_.errorString() : errorLines_.last();
    Q_EMIT failed(message);
    return;
  }
  EvaluationRecord record;
  record.when = QDateTime::currentDateTime();
  record.method = request_.method;
  record.model = request_.model;
  record.checkpointKey = request_.checkpointKey;
  record.data = request_.dataPath;
  record.settings = request_.settingsText();
  record.seconds = static_cast<double>(clock_.elapsed()) / 1000.0;
  if (request_.method == QLatin1String("knn")) {
    record.knn = knnResults_;
    // The record's figure is its figureK's (k = 20, the reference's, when it was asked for).
    for (const auto& f : record.knn)
      if (f.k == figureK(record)) {
        record.top1 = f.top1;
        record.top5 = f.top5;
        break;
      }
  } else {
    record.top1 = bestTop1_;
    record.top5 = bestTop5_;
    record.outputFolder = request_.outputDir;
    record.bestEpoch = bestEpoch_;
  }
  if (!std::isfinite(record.top1)) {
    Q_EMIT failed(tr("The evaluation ended without an accuracy (every k larger than the training set?)."));
    return;
  }
  Q_EMIT finished(record);
}
