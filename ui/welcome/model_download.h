// One file fetched over HTTP(S) into the user's data folder, as a weights download must be: into
// `<file>.part` first (a crash or Cancel never leaves a half file under the real name), resumed
// with a Range request when a part is already there, stopped when the server goes silent, checked
// for its full length and its SHA-256, and only then renamed into place. The digest is written
// beside the file (`<file>.sha256`), so a later load can tell the file was not changed since.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

class ModelDownload : public QObject {
  Q_OBJECT

 public:
  enum class Failure { Cancelled, Network, Stalled, Truncated, Checksum, Server, Disk };
  Q_ENUM(Failure)

  explicit ModelDownload(QObject* parent = nullptr);
  ~ModelDownload() override;

  // Fetches `url` into `destination`; `expectedSha256` (hex) is checked when given. A transfer
  // already running is cancelled first (a check already running is waited for).
  void start(const QUrl& url, const QString& destination, const QByteArray& expectedSha256 = {});
  // Stops a transfer and keeps the part for a later resume. The check that follows a transfer (a
  // few seconds of hashing) is not cancellable: cancel() then does nothing.
  void cancel();
  bool isRunning() const { return state_ != State::Idle; }
  bool checking() const { return state_ == State::Checking; }
  QUrl url() const { return url_; }
  QString destination() const { return destination_; }
  // The server sent nothing for this long: the download stops as stalled (the part is kept).
  void setStallTimeout(int milliseconds);

  static QString partFile(const QString& destination) { return destination + QStringLiteral(".part"); }
  static QString digestFile(const QString& destination) { return destination + QStringLiteral(".sha256"); }
  // What identifies the server's version of a part (its ETag or Last-Modified), sent back with
  // If-Range on resume so that a file changed on the server is fetched whole, not spliced.
  static QString validatorFile(const QString& destination) {
    return partFile(destination) + QStringLiteral(".validator");
  }
  // Megabytes (10^6 bytes) with one decimal, written the locale's way.
  static QString megabytes(qint64 bytes);
  // The SHA-256 (hex) of a file; empty when it cannot be read.
  static QByteArray sha256Of(const QString& file);

 Q_SIGNALS:
  // `total` is -1 while the server has not said.
  void progress(qint64 received, qint64 total);
  // The transfer is complete; its SHA-256 is being computed (Cancel no longer applies).
  void checkStarted();
  // `resumedFrom` is the byte the transfer restarted at (0 for a fresh download).
  void finished(const QString& file, const QByteArray& sha256, qint64 resumedFrom);
  void failed(ModelDownload::Failure failure, const QString& message);

 private:
  void onMetaData();
  void onReadyRead();
  void onReplyFinished();
  void onStalled();
  void verify();
  void fail(Failure failure, const QString& message);
  void dropReply();
  void restartPart();  // the part is no use: empty it (and forget its validator)

  enum class State { Idle, Transferring, Checking };
  State state_ = State::Idle;
  QNetworkAccessManager* network_ = nullptr;
  QPointer<QNetworkReply> reply_;
  QFile part_;
  QUrl url_;
  QString destination_;
  QByteArray expectedSha256_;
  qint64 resumedFrom_ = 0;
  qint64 received_ = 0;  // bytes in the part file
  qint64 total_ = -1;
  bool headerSeen_ = false;
  bool wholeAlready_ = false;  // the server said (416) the part already holds every byte
  QTimer stallTimer_;
  QFutureWatcher<QByteArray> hashing_;
};
