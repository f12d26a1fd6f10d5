// Downloads of released weights against a small HTTP server on 127.0.0.1 run by the test: a whole
// file with its SHA-256 checked, a connection cut halfway and then resumed with a Range request, a
// wrong checksum, a server that goes silent, Cancel, a missing file and a refused connection; and
// the welcome page's buttons and messages for them.
#include "welcome/model_download.h"
#include "welcome/released_models.h"
#include "welcome/welcome_page.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Serves one body under several paths, each misbehaving its own way:
//   /whole.pth      the file (206 with the asked range when there is a Range header, 416 with
//                   "bytes */size" when the range starts at or past the end), ETag "v1"
//   /changed.pth    the whole file with 200 whatever the Range (a file changed since, or a server
//                   that ignores ranges)
//   /cut.pth        without a Range header, announces the whole length, sends half and closes;
//                   with one, serves the asked range as /whole.pth does
//   /stall.pth      sends the headers and 1000 bytes, then nothing
//   anything else   404
class TinyHttpServer : public QObject {
 public:
  explicit TinyHttpServer(QByteArray body) : body_(std::move(body)) {
    connect(&server_, &QTcpServer::newConnection, this, [this] {
      while (QTcpSocket* socket = server_.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
      }
    });
    QVERIFY(server_.listen(QHostAddress::LocalHost));
  }
  QUrl url(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(server_.serverPort()).arg(path));
  }
  QList<QByteArray> ranges;    // the Range headers received, in order ("" for none)
  QList<QByteArray> ifRanges;  // the If-Range headers, likewise

 private:
  void onRequest(QTcpSocket* socket) {
    QByteArray& pending = requests_[socket];
    pending += socket->readAll();
    if (!pending.contains("\r\n\r\n")) return;
    const QList<QByteArray> lines = pending.split('\n');
    const QByteArray path = lines.first().split(' ').value(1);
    QByteArray range, ifRange;
    for (const QByteArray& line : lines) {
      if (line.toLower().startsWith("range:")) range = line.mid(6).trimmed();
      if (line.toLower().startsWith("if-range:")) ifRange = line.mid(9).trimmed();
    }
    ranges << range;
    ifRanges << ifRange;
    qint64 from = 0;
    if (range.startsWith("bytes=")) from = range.mid(6, range.indexOf('-') - 6).toLongLong();
    const qint64 size = body_.size();
    if ((path == "/whole.pth" || path == "/cut.pth") && !range.isEmpty() && from >= size) {
      socket->write("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + QByteArray::number(size) +
                    "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      socket->disconnectFromHost();
    } else if (path == "/changed.pth") {
      socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(size) + "\r\nConnection: close\r\n\r\n");
      socket->write(body_);
      socket->disconnectFromHost();
    } else if (path == "/whole.pth" || (path == "/cut.pth" && !range.isEmpty())) {
      QByteArray head = range.isEmpty() ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 206 Partial Content\r\n";
      head += "ETag: \"v1\"\r\n";
      if (!range.isEmpty())
        head += "Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(size - 1) + '/' +
                QByteArray::number(size) + "\r\n";
      socket->write(head + "Content-Length: " + QByteArray::number(size - from) + "\r\nConnection: close\r\n\r\n");
      socket->write(body_.mid(from));
      socket->disconnectFromHost();
    } else if (path == "/cut.pth") {
      socket->write("HTTP/1.1 200 OK\r\nETag: \"v1\"\r\nContent-Length: " + QByteArray::number(size) +
                    "\r\nConnection: close\r\n\r\n");
      socket->write(body_.left(size / 2));
      socket->flush();
      socket->disconnectFromHost();
    } else if (path == "/stall.pth") {
      socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n");
      socket->write(body_.left(1000));
      socket->flush();
    } else {
      socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
      socket->disconnectFromHost();
    }
  }

  QTcpServer server_;
  QByteArray body_;
  QHash<QTcpSocket*, QByteArray> requests_;
};

QByteArray randomBody(qsizetype size) {
  QByteArray body(size, Qt::Uninitialized);
  QRandomGenerator generator(7);
  for (char& c : body) c = static_cast<char>(generator.bounded(256));
  return body;
}

QByteArray sha256Hex(const QByteArray& bytes) {
  return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray contents(const QString& file) {
  QFile in(file);
  return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

}  // namespace

class TestModelDownload : public QObject {
  Q_OBJECT

  const QByteArray body_ = randomBody(300 * 1024 + 17);

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void wholeFileWithItsChecksum() {
    TinyHttpServer server(body_);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("models/whole.pth"));
    ModelDownload download;
    QSignalSpy done(&download, &ModelDownload::finished);
    QSignalSpy progress(&download, &ModelDownload::progress);
    download.start(server.url(QStringLiteral("whole.pth")), file, sha256Hex(body_).toUpper());
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(0).toString(), file);
    QCOMPARE(done.first().at(1).toByteArray(), sha256Hex(body_));
    QCOMPARE(done.first().at(2).toLongLong(), 0);
    QCOMPARE(contents(file), body_);
    QVERIFY(!QFile::exists(ModelDownload::partFile(file)));
    // The digest beside the file, in sha256sum's format.
    QCOMPARE(contents(ModelDownload::digestFile(file)), sha256Hex(body_) + "  whole.pth\n");
    // Progress ended at the whole length, which the server announced.
    QCOMPARE(progress.last().at(0).toLongLong(), body_.size());
    QCOMPARE(progress.last().at(1).toLongLong(), body_.size());
  }

  void cutConnectionThenResume() {
    TinyHttpServer server(body_);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("cut.pth"));
    ModelDownload download;
    QSignalSpy failed(&download, &ModelDownload::failed);
    QSignalSpy done(&download, &ModelDownload::finished);
    download.start(server.url(QStringLiteral("cut.pth")), file, sha256Hex(body_));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).value<ModelDownload::Failure>(), ModelDownload::Failure::Truncated);
    QVERIFY(!QFile::exists(file));
    const qint64 half = body_.size() / 2;
    QCOMPARE(contents(ModelDownload::partFile(file)), body_.left(half));

    // The second try asks for the rest only, if the file is still the server's version "v1", and
    // the joined file passes the checksum.
    download.start(server.url(QStringLiteral("cut.pth")), file, sha256Hex(body_));
    QVERIFY(done.wait(10000));
    QCOMPARE(server.ranges.last(), "bytes=" + QByteArray::number(half) + '-');
    QCOMPARE(server.ifRanges.last(), QByteArray("\"v1\""));
    QVERIFY(!QFile::exists(ModelDownload::validatorFile(file)));
    QCOMPARE(done.first().at(2).toLongLong(), half);
    QCOMPARE(contents(file), body_);
  }

  // A part that no longer fits: the server sends the whole file (200), and it replaces the part; a
  // part already whole (416 "bytes */size") only needs its check; a part longer than the file is
  // dropped.
  void partsTheServerDisowns() {
    TinyHttpServer server(body_);
    QTemporaryDir dir;
    const auto writePart = [](const QString& file, const QByteArray& bytes) {
      QFile part(ModelDownload::partFile(file));
      QVERIFY(part.open(QIODevice::WriteOnly));
      part.write(bytes);
    };
    ModelDownload download;
    QSignalSpy done(&download, &ModelDownload::finished);
    QSignalSpy failed(&download, &ModelDownload::failed);

    const QString changed = dir.filePath(QStringLiteral("changed.pth"));
    writePart(changed, QByteArray(5000, 'x'));
    download.start(server.url(QStringLiteral("changed.pth")), changed, sha256Hex(body_));
    QVERIFY(done.wait(10000));
    QCOMPARE(server.ranges.last(), QByteArray("bytes=5000-"));
    QCOMPARE(done.last().at(2).toLongLong(), 0);  // started over
    QCOMPARE(contents(changed), body_);

    const QString whole = dir.filePath(QStringLiteral("whole.pth"));
    writePart(whole, body_);
    download.start(server.url(QStringLiteral("whole.pth")), whole, sha256Hex(body_));
    QVERIFY(done.wait(10000));
    QCOMPARE(done.last().at(2).toLongLong(), body_.size());
    QCOMPARE(contents(whole), body_);

    QFile::remove(whole);
    writePart(whole, body_ + "tail");
    download.start(server.url(QStringLiteral("whole.pth")), whole, sha256Hex(body_));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.last().at(0).value<ModelDownload::Failure>(), ModelDownload::Failure::Server);
    QCOMPARE(QFileInfo(ModelDownload::partFile(whole)).size(), 0);
    QVERIFY(!QFile::exists(whole));
    QVERIFY(!download.isRunning());
  }

  void wrongChecksumLeavesNothing() {
    TinyHttpServer server(body_);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("whole.pth"));
    ModelDownload download;
    QSignalSpy failed(&download, &ModelDownload::failed);
    download.start(server.url(QStringLiteral("whole.pth")), file, sha256Hex("something else"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).value<ModelDownload::Failure>(), ModelDownload::Failure::Checksum);
    QVERIFY2(failed.first().at(1).toString().contains(QString::fromLatin1(sha256Hex(body_))),
             qPrintable(failed.first().at(1).toString()));
    QVERIFY(!QFile::exists(file));
    QVERIFY(!QFile::exists(ModelDownload::partFile(file)));  // wrong bytes are not resumed from
  }

  void silentServerStallsAndCancelKeepsThePart() {
    TinyHttpServer server(body_);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("stall.pth"));
    ModelDownload download;
    download.setStallTimeout(300);
    QSignalSpy failed(&download, &ModelDownload::failed);
    download.start(server.url(QStringLiteral("stall.pth")), file);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).value<ModelDownload::Failure>(), ModelDownload::Failure::Stalled);
    QVERIFY(!download.isRunning());
    QCOMPARE(contents(ModelDownload::partFile(file)), body_.left(1000));

    // Cancel while bytes are still expected: the part stays, nothing under the real name.
    download.setStallTimeout(60000);
    download.start(server.url(QStringLiteral("stall.pth")), file);
    QTRY_VERIFY_WITH_TIMEOUT(server.ranges.size() == 2, 10000);
    QVERIFY(download.isRunning());
    download.cancel();
    QCOMPARE(failed.last().at(0).value<ModelDownload::Failure>(), ModelDownload::Failure::Cancelled);
    QVERIFY(!download.isRunning());
    QVERIFY(!QFile::exists(file));
    QVERIFY(QFile::exists(ModelDownload::partFile(file)));
  }

  void missingFileAndRefusedConnection() {
    TinyHttpServer server(body_);
    QTemporaryDir dir;
    ModelDownload download;
    QSignalSpy failed(&download, &ModelDownload::failed);
    download.start(server.url(QStringLiteral("nowhere.pth")), dir.filePath(QStringLiteral("nowhere.pth")));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).value<ModelDownload::Failure>(), ModelDownload::Failure::Server);
    QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("404")),
             qPrintable(failed.first().at(1).toString()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nowhere.pth"))));
    // Nothing was received: no empty part is left to "resume".
    QVERIFY(!QFile::exists(ModelDownload::partFile(dir.filePath(QStringLiteral("nowhere.pth")))));

    // A port nobody listens on: the connection is refused, as when there is no network.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    download.start(QUrl(QStringLiteral("http://127.0.0.1:%1/x.pth").arg(port)), dir.filePath(QStringLiteral("x.pth")));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.last().at(0).value<ModelDownload::Failure>(), ModelDownload::Failure::Network);
    QVERIFY(!QFile::exists(ModelDownload::partFile(dir.filePath(QStringLiteral("x.pth")))));
  }

  // The page names each released model's files, opens one already downloaded, and shows the
  // address to fetch by hand when a download cannot reach the server.
  void welcomePage() {
    QDir(downloadedModelsFolder()).removeRecursively();
    WelcomePage page;
    const ReleasedModel& small16 = releasedModels().first();
    QCOMPARE(small16.name, QStringLiteral("ViT-S/16"));
    QCOMPARE(
        small16.backbone.toString(),
        QStringLiteral("https://dl.fbaipublicfiles.com/dino/dino_deitsmall16_pretrain/dino_deitsmall16_pretrain.pth"));
    // 21,665,664 float32 weights: 86,662,656 bytes.
    QCOMPARE(page.fileButton(0, false)->text(), QStringLiteral("Download (86.7 MB)"));

    // A file already there is opened, not fetched again.
    QVERIFY(QDir().mkpath(downloadedModelsFolder()));
    QFile existing(downloadedFile(small16.backbone));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write(body_);
    existing.close();
    WelcomePage again;
    QVERIFY2(again.fileButton(0, false)->text().startsWith(QStringLiteral("Open")),
             qPrintable(again.fileButton(0, false)->text()));
    QSignalSpy chosen(&again, &WelcomePage::weightsChosen);
    again.fileButton(0, false)->click();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().at(0).toString(), downloadedFile(small16.backbone));
    QVERIFY(!again.download()->isRunning());

    // A refused connection: the message gives the address to fetch elsewhere.
    QSignalSpy failed(again.download(), &ModelDownload::failed);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const QUrl unreachable(QStringLiteral("http://127.0.0.1:%1/dino_vitbase8_pretrain.pth").arg(port));
    again.download()->start(unreachable, downloadedFile(unreachable));
    QVERIFY(failed.wait(10000));
    QVERIFY2(again.statusText().contains(unreachable.toString()), qPrintable(again.statusText()));
    QDir(downloadedModelsFolder()).removeRecursively();
  }
};

QTEST_MAIN(TestModelDownload)
#include "test_model_download.moc"
