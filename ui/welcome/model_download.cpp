#include "welcome/model_download.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStorageInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace {

QByteArray readSmallFile(const QString& file) {
  QFile in(file);
  return in.open(QIODevice::ReadOnly) ? in.readAll().trimmed() : QByteArray();
}

}  // namespace

ModelDownload::ModelDownload(QObject* parent) : QObject(parent), network_(new QNetworkAccessManager(this)) {
  stallTimer_.setSingleShot(true);
  stallTimer_.setInterval(30000);
  connect(&stallTimer_, &QTimer::timeout, this, &ModelDownload::onStalled);
  connect(&hashing_, &QFutureWatcher<QByteArray>::finished, this, &ModelDownload::verify);
}

ModelDownload::~ModelDownload() {
  dropReply();
  hashing_.waitForFinished();
}

void ModelDownload::setStallTimeout(int milliseconds) { stallTimer_.setInterval(milliseconds); }

QString ModelDownload::megabytes(qint64 bytes) { return QLocale().toString(static_cast<double>(bytes) / 1e6, 'f', 1); }

QByteArray ModelDownload::sha256Of(const QString& file) {
  QFile in(file);
  if (!in.open(QIODevice::ReadOnly)) return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&in)) return {};
  return hash.result().toHex();
}

void ModelDownload::start(const QUrl& url, const QString& destination, const QByteArray& expectedSha256) {
  if (state_ == State::Transferring) cancel();
  // A check still running finishes first, and its result is dropped (no stale verify()).
  hashing_.waitForFinished();
  hashing_.setFuture(QFuture<QByteArray>());
  state_ = State::Transferring;
  url_ = url;
  destination_ = destination;
  expectedSha256_ = expectedSha256.toLower();
  headerSeen_ = false;
  wholeAlready_ = false;
  total_ = -1;
  if (!QDir().mkpath(QFileInfo(destination).absolutePath())) {
    fail(Failure::Disk,
         tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(QFileInfo(destination).absolutePath())));
    return;
  }
  part_.setFileName(partFile(destination));
  received_ = part_.exists() ? part_.size() : 0;
  resumedFrom_ = received_;
  if (!part_.open(QIODevice::ReadWrite)) {
    fail(Failure::Disk, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(part_.fileName()), part_.errorString()));
    return;
  }
  part_.seek(received_);

  QNetworkRequest request(url);
  request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
  // A resumed part must continue the same bytes: compressed transfers would not line up.
  request.setRawHeader("Accept-Encoding", "identity");
  if (received_ > 0) {
    request.setRawHeader("Range", "bytes=" + QByteArray::number(received_) + '-');
    // Only if the server's file is still the one the part came from; else it sends the whole file.
    const QByteArray validator = readSmallFile(validatorFile(destination));
    if (!validator.isEmpty()) request.setRawHeader("If-Range", validator);
  }
  reply_ = network_->get(request);
  connect(reply_, &QNetworkReply::metaDataChanged, this, &ModelDownload::onMetaData);
  connect(reply_, &QNetworkReply::readyRead, this, &ModelDownload::onReadyRead);
  connect(reply_, &QNetworkReply::finished, this, &ModelDownload::onReplyFinished);
  stallTimer_.start();
  Q_EMIT progress(received_, total_);
}

void ModelDownload::cancel() {
  if (state_ != State::Transferring) return;
  fail(Failure::Cancelled,
       received_ > 0 ? tr("Download cancelled; %1 MB kept, and Resume continues from there.").arg(megabytes(received_))
                     : tr("Download cancelled."));
}

void ModelDownload::restartPart() {
  part_.resize(0);
  part_.seek(0);
  received_ = resumedFrom_ = 0;
  QFile::remove(validatorFile(destination_));
}

void ModelDownload::onMetaData() {
  if (!reply_ || headerSeen_) return;
  const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (status == 0) return;  // redirects and other interim answers come first
  headerSeen_ = true;
  const qint64 length = reply_->header(QNetworkRequest::ContentLengthHeader).isValid()
                            ? reply_->header(QNetworkRequest::ContentLengthHeader).toLongLong()
                            : -1;
  static const QRegularExpression range(QStringLiteral("bytes (\\d+|\\*)-?(\\d*)/(\\d+|\\*)"));
  const auto contentRange = range.match(QString::fromLatin1(reply_->rawHeader("Content-Range")));
  if (status == 206) {
    // The server continues where the part ends: check it says so.
    if (!contentRange.hasMatch() || contentRange.captured(1).toLongLong() != received_) {
      // A range other than the one asked: start over rather than splice mismatched bytes.
      restartPart();
      fail(Failure::Server, tr("The server answered with another part of the file than asked; press Download to "
                               "start again from the beginning."));
      return;
    }
    total_ = contentRange.captured(3) == QLatin1String("*") ? (length >= 0 ? received_ + length : -1)
                                                            : contentRange.captured(3).toLongLong();
  } else if (status == 200) {
    // The whole file (the server ignores ranges, its file changed, or there was no part): from zero.
    restartPart();
    total_ = length;
  } else if (status == 416 && received_ > 0) {
    // Nothing after the part's end. "bytes */N" says how long the file is: a part of exactly that
    // length only needs its check; any other part is no use.
    const qint64 size = contentRange.hasMatch() && contentRange.captured(3) != QLatin1String("*")
                            ? contentRange.captured(3).toLongLong()
                            : -1;
    if (size == received_) {
      wholeAlready_ = true;
      total_ = received_;
    } else {
      restartPart();
      fail(Failure::Server, tr("The part kept from an earlier download does not fit the server's file; press "
                               "Download to start again from the beginning."));
      return;
    }
  }
  if (status == 200 || status == 206) {
    // The server's version of the file, for a later If-Range.
    QByteArray validator = reply_->rawHeader("ETag");
    if (validator.isEmpty() || validator.startsWith("W/")) validator = reply_->rawHeader("Last-Modified");
    QSaveFile record(validatorFile(destination_));
    if (!validator.isEmpty() && record.open(QIODevice::WriteOnly)) {
      record.write(validator);
      record.commit();
    }
  }
  // Other statuses are reported when the reply finishes, with the server's words.
  Q_EMIT progress(received_, total_);
}

void ModelDownload::onReadyRead() {
  if (!reply_) return;
  if (!headerSeen_) onMetaData();
  if (!reply_) return;  // the headers ended the download
  stallTimer_.start();
  const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (status != 200 && status != 206) {
    reply_->readAll();  // an error page: not part of the file
    return;
  }
  const QByteArray bytes = reply_->readAll();
  if (part_.write(bytes) != bytes.size()) {
    const QStorageInfo storage(QFileInfo(part_.fileName()).absolutePath());
    fail(Failure::Disk, tr("Cannot write %1 (%2 MB free there): %3")
                            .arg(QDir::toNativeSeparators(part_.fileName()), megabytes(storage.bytesAvailable()),
                                 part_.errorString()));
    return;
  }
  received_ += bytes.size();
  Q_EMIT progress(received_, total_);
}

void ModelDownload::onReplyFinished() {
  if (!reply_ || state_ != State::Transferring) return;
  onReadyRead();  // the last bytes
  if (!reply_) return;
  stallTimer_.stop();
  const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  const QNetworkReply::NetworkError error = reply_->error();
  const QString errorText = reply_->errorString();
  reply_->deleteLater();
  reply_ = nullptr;
  part_.flush();
  if (!wholeAlready_) {
    if (status != 200 && status != 206) {
      if (status != 0)
        fail(Failure::Server, tr("The server answered %1 for %2.").arg(status).arg(url_.toDisplayString()));
      else
        fail(Failure::Network, tr("Cannot reach %1: %2").arg(url_.host(), errorText));
      return;
    }
    if (error != QNetworkReply::NoError || (total_ >= 0 && received_ < total_)) {
      fail(Failure::Truncated, total_ >= 0 ? tr("The connection ended after %1 of %2 MB; press Resume to continue.")
                                                 .arg(megabytes(received_), megabytes(total_))
                                           : tr("The connection ended after %1 MB (%2); press Resume to continue.")
                                                 .arg(megabytes(received_), errorText));
      return;
    }
  }
  part_.close();
  state_ = State::Checking;
  Q_EMIT checkStarted();
  // Hashing a large checkpoint takes seconds: off the GUI thread.
  hashing_.setFuture(QtConcurrent::run([file = part_.fileName()] { return sha256Of(file); }));
}

void ModelDownload::verify() {
  if (state_ != State::Checking) return;
  state_ = State::Idle;
  const QByteArray digest = hashing_.result();
  if (digest.isEmpty()) {
    fail(Failure::Disk, tr("Cannot read back %1.").arg(QDir::toNativeSeparators(part_.fileName())));
    return;
  }
  if (!expectedSha256_.isEmpty() && digest != expectedSha256_) {
    // The bytes are wrong: a resume would keep them.
    QFile::remove(part_.fileName());
    QFile::remove(validatorFile(destination_));
    fail(Failure::Checksum, tr("The file's SHA-256 is %1, not the published %2, so the file was removed. Download it "
                               "again, or check the address.")
                                .arg(QString::fromLatin1(digest), QString::fromLatin1(expectedSha256_)));
    return;
  }
  QFile::remove(destination_);
  if (!QFile::rename(part_.fileName(), destination_)) {
    fail(Failure::Disk, tr("Cannot rename %1 to %2.")
                            .arg(QDir::toNativeSeparators(part_.fileName()), QDir::toNativeSeparators(destination_)));
    return;
  }
  QFile::remove(validatorFile(destination_));
  QSaveFile record(digestFile(destination_));
  if (record.open(QIODevice::WriteOnly)) {
    // The format of sha256sum, so `sha256sum -c` checks it too.
    record.write(digest + "  " + QFileInfo(destination_).fileName().toUtf8() + '\n');
    record.commit();
  }
  Q_EMIT finished(destination_, digest, resumedFrom_);
}

void ModelDownload::onStalled() {
  if (!reply_) return;
  fail(Failure::Stalled, tr("The server sent nothing for %1 s; %2 MB kept, press Resume to continue.")
                             .arg(QLocale().toString(stallTimer_.interval() / 1000.0, 'g', 3), megabytes(received_)));
}

void ModelDownload::fail(Failure failure, const QString& message) {
  state_ = State::Idle;
  dropReply();
  part_.close();
  stallTimer_.stop();
  // Nothing received: no part to resume (the button reads Download again, not "Resume (0 MB)").
  if (!part_.fileName().isEmpty() && QFileInfo(part_.fileName()).exists() && QFileInfo(part_.fileName()).size() == 0) {
    QFile::remove(part_.fileName());
    QFile::remove(validatorFile(destination_));
  }
  Q_EMIT failed(failure, message);
}

void ModelDownload::dropReply() {
  if (!reply_) return;
  QNetworkReply* reply = reply_;
  reply_ = nullptr;
  reply->disconnect(this);
  reply->abort();
  reply->deleteLater();
}
