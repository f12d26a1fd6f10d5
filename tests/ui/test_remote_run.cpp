// A run on a server, end to end against a real sshd that the test starts on 127.0.0.1 on a free
// port, with a host key and a user key made for it: the server check, start, follow, a dropped
// connection (the ssh process killed, and one silenced as by a laptop's sleep) and the reconnect,
// pause and resume, stop, the checkpoint fetched, the app's restart (a new controller attaching to
// the run still going), and each kind of bad input named. The "server" is this machine, the
// program on it the dino tool of this build; ssh runs with its own configuration file (-F), as a
// user's ssh options would name one.
#include "remote/host_check.h"
#include "remote/remote_run.h"
#include "training/training_controller.h"

#include "demo_settings.h"
#include "free_port.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

namespace {

dino::TrainingConfig tinySettings(const QString& outputDir, int epochs = 1) {
  return dino::test::tiny_demo_settings(outputDir.toStdString(), epochs);
}

QByteArray contents(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool run(const QString& program, const QStringList& arguments, QString* output = nullptr) {
  QProcess process;
  process.setProcessChannelMode(QProcess::MergedChannels);
  process.start(program, arguments);
  const bool ok =
      process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
  if (output) *output = QString::fromUtf8(process.readAll());
  return ok;
}

// A process that runs: one ended but not yet reaped (a zombie, under an init that does not reap)
// does not count.
bool alive(qint64 pid) {
  if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0) return false;
  const QByteArray stat = contents(QStringLiteral("/proc/%1/stat").arg(pid));
  const qsizetype close = stat.lastIndexOf(')');
  return close < 0 || stat.mid(close + 2, 1) != "Z";
}

QList<int64_t> stepIterations(const MetricRecords& records) {
  QList<int64_t> steps;
  for (const auto& r : records)
    if (r.kind == dino::MetricRecord::Kind::Step) steps << r.iteration;
  return steps;
}

}  // namespace

class TestRemoteRun : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // An sshd of the test's own, and an ssh configuration naming it "dino-test-server".
  void initTestCase() {
    // As in the app: the program there must be this version (the start and the follow check it).
    QCoreApplication::setApplicationVersion(QStringLiteral(DINO_VERSION));
    QVERIFY2(QFile::exists(sshd_), "sshd is not installed: scripts/setup.sh installs openssh-server");
    QVERIFY(dir_.isValid());
    for (const char* key : {"host_key", "user_key", "stranger_key"})
      QVERIFY(run(QStringLiteral("ssh-keygen"),
                  {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                   QString(), QStringLiteral("-f"), path(QString::fromLatin1(key))}));
    QVERIFY(QFile::copy(path(QStringLiteral("user_key.pub")), path(QStringLiteral("authorized_keys"))));
    QString user;
    QVERIFY(run(QStringLiteral("id"), {QStringLiteral("-un")}, &user));
    user = user.trimmed();
    // As root, sshd wants its privilege-separation folder (Debian makes it when the service starts).
    if (::geteuid() == 0) QDir().mkpath(QStringLiteral("/run/sshd"));
    port_ = dino::test::free_port();
    write(QStringLiteral("sshd_config"),
          QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nAuthorizedKeysFile %3\nPidFile %4\n"
                         "StrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                         "PermitRootLogin prohibit-password\n")
              .arg(port_)
              .arg(path(QStringLiteral("host_key")), path(QStringLiteral("authorized_keys")),
                   path(QStringLiteral("sshd.pid"))));
    // The server's host key is known beforehand, as after a first "ssh host" in a terminal.
    const QByteArray hostKey = contents(path(QStringLiteral("host_key.pub"))).trimmed();
    write(QStringLiteral("known_hosts"),
          QStringLiteral("[127.0.0.1]:%1 %2\n").arg(port_).arg(QString::fromUtf8(hostKey)));
    const QString common = QStringLiteral(
                               "  HostName 127.0.0.1\n  Port %1\n  User %2\n  IdentitiesOnly yes\n"
                               "  UserKnownHostsFile %3\n  StrictHostKeyChecking yes\n")
                               .arg(port_)
                               .arg(user, path(QStringLiteral("known_hosts")));
    write(QStringLiteral("ssh_config"),
          QStringLiteral("Host dino-test-server\n%1  IdentityFile %2\n"
                         "Host dino-test-stranger\n%1  IdentityFile %3\n"
                         "Host dino-test-unknown\n  HostName no-such-host.invalid\n")
              .arg(common, path(QStringLiteral("user_key")), path(QStringLiteral("stranger_key"))));
    sshd_process_.setProcessChannelMode(QProcess::MergedChannels);
    sshd_process_.start(sshd_, {QStringLiteral("-D"), QStringLiteral("-f"), path(QStringLiteral("sshd_config")),
                                QStringLiteral("-E"), path(QStringLiteral("sshd.log"))});
    QVERIFY2(sshd_process_.waitForStarted(), qPrintable(sshd_process_.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(listening(), 10000);
  }

  void cleanupTestCase() {
    // A test that failed half-way may leave a run going there: it must not outlive the test.
    for (const QString& folder : {path(QStringLiteral("remote runs/it's $HOME")), path(QStringLiteral("full-disk"))}) {
      QDirIterator runs(folder, {QStringLiteral("detached.pid")}, QDir::Files, QDirIterator::Subdirectories);
      while (runs.hasNext()) {
        const QList<QByteArray> ids = contents(runs.next()).trimmed().split(' ');
        if (ids.size() == 2) ::kill(-static_cast<pid_t>(ids[1].toLongLong()), SIGKILL);
        if (!ids.isEmpty() && ids[0].toLongLong() > 0) ::kill(static_cast<pid_t>(ids[0].toLongLong()), SIGKILL);
      }
    }
    sshd_process_.terminate();
    sshd_process_.waitForFinished(5000);
  }

  void theCheckNamesTheProgramItsDevicesAndTheSpace() {
    HostCheck check;  // expects this app's version
    QSignalSpy finished(&check, &HostCheck::finished);
    check.check(target());
    QVERIFY(finished.wait(60000));
    const auto report = finished.first().first().value<HostReport>();
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    // The same program's own account of itself, read without ssh.
    QString version;
    QVERIFY(run(QStringLiteral(DINO_CLI_PATH), {QStringLiteral("--version")}, &version));
    QVERIFY2(version.contains(QStringLiteral("DINO Studio %1)").arg(report.version)), qPrintable(version));
    QVERIFY(report.devices.contains(QStringLiteral("cpu")));
    QVERIFY(report.freeBytes > 0);
    QVERIFY(report.summary().contains(report.version));

    // Another version there is refused, naming both.
    HostCheck strict;
    strict.setExpectedVersion(QStringLiteral("0.0.1-other"));
    QSignalSpy strictFinished(&strict, &HostCheck::finished);
    strict.check(target());
    QVERIFY(strictFinished.wait(60000));
    const QString error = strictFinished.first().first().value<HostReport>().error;
    QVERIFY2(error.contains(report.version) && error.contains(QStringLiteral("0.0.1-other")), qPrintable(error));
  }

  void badInputIsNamedWithWhatToDo() {
    const auto checkError = [](const SshTarget& target) {
      HostCheck check;
      check.setExpectedVersion({});
      QSignalSpy finished(&check, &HostCheck::finished);
      check.check(target);
      if (!finished.wait(60000)) return QStringLiteral("no answer");
      return finished.first().first().value<HostReport>().error;
    };
    SshTarget unknown = target();
    unknown.host = QStringLiteral("dino-test-unknown");
    QString error = checkError(unknown);
    QVERIFY2(error.contains(QStringLiteral("is not a host this machine knows")), qPrintable(error));
    SshTarget stranger = target();
    stranger.host = QStringLiteral("dino-test-stranger");
    error = checkError(stranger);
    QVERIFY2(error.contains(QStringLiteral("refused the login")), qPrintable(error));
    SshTarget noProgram = target();
    noProgram.program = dir_.filePath(QStringLiteral("no-such-dir/dino"));
    error = checkError(noProgram);
    QVERIFY2(error.contains(QStringLiteral("was not found on dino-test-server")), qPrintable(error));
    SshTarget closed = target();
    closed.sshOptions << QStringLiteral("-p") << QString::number(dino::test::free_port());
    error = checkError(closed);
    QVERIFY2(error.contains(QStringLiteral("refused the connection")), qPrintable(error));

    // A full disk there: the settings file the start writes is /dev/full, which refuses every byte.
    SshTarget full = target();
    full.runsFolder = path(QStringLiteral("full-disk"));
    QVERIFY(QDir().mkpath(full.runsFolder + QStringLiteral("/run")));
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), full.runsFolder + QStringLiteral("/run/launch.json")));
    // The folder there is in use, so the one here must be its mirror (a run started there before).
    QVERIFY(QDir().mkpath(path(QStringLiteral("local/run"))));
    write(QStringLiteral("local/run/remote.json"), QStringLiteral("{}"));
    RemoteRun remote;
    remote.setTarget(full);
    QSignalSpy ended(&remote, &RemoteRun::ended);
    QString startError;
    QVERIFY2(remote.start(tinySettings(path(QStringLiteral("local/run")), 1), false, &startError),
             qPrintable(startError));
    QVERIFY(ended.wait(60000));
    error = ended.first().first().toString();
    QVERIFY2(error.contains(QStringLiteral("The disk on dino-test-server is full")), qPrintable(error));
  }

  void aRunThereIsFollowedThroughDroppedConnectionsStoppedAndItsCheckpointFetched() {
    const QString local = path(QStringLiteral("local/followed"));
    TrainingController controller;
    controller.setServer(target());
    controller.serverRun()->setReconnectDelays(200, 1000);
    MetricRecords received;
    connect(&controller, &TrainingController::recordsArrived, this,
            [&received](const MetricRecords& records) { received.append(records); });
    QList<bool> connections;
    connect(&controller, &TrainingController::serverConnectionChanged, this,
            [&connections](bool connected, const QString&) { connections << connected; });
    QVERIFY2(controller.start(tinySettings(local, 200)), qPrintable(controller.lastError()));
    QVERIFY(controller.isOnServer());
    QTRY_VERIFY_WITH_TIMEOUT(stepIterations(received).size() >= 3, 120000);
    const QString remote = controller.serverRun()->remoteFolder();
    QCOMPARE(remote, path(QStringLiteral("remote runs/it's $HOME/followed")));

    // The connection dropped: reported lost, then back, and the steps go on without a gap.
    const qint64 ssh = controller.serverRun()->followProcessId();
    QVERIFY(ssh > 0);
    ::kill(static_cast<pid_t>(ssh), SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(connections.contains(false), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(connections.endsWith(true), 30000);
    QCOMPARE(controller.state(), dino::RunState::Running);
    const qsizetype before = stepIterations(received).size();
    QTRY_VERIFY_WITH_TIMEOUT(stepIterations(received).size() >= before + 3, 120000);

    // A connection that goes silent (a sleeping laptop: the ssh process stopped) is given up on.
    QStringList messages;
    connect(&controller, &TrainingController::serverConnectionChanged, this,
            [&messages](bool, const QString& message) { messages << message; });
    controller.serverRun()->setSilenceLimit(5000);  // `dino follow` speaks every 2 s
    const qint64 frozen = controller.serverRun()->followProcessId();
    ::kill(static_cast<pid_t>(frozen), SIGSTOP);
    connections.clear();
    QTRY_VERIFY_WITH_TIMEOUT(connections.contains(false), 15000);
    QVERIFY2(messages.join(QLatin1Char('\n')).contains(QStringLiteral("no word from dino-test-server for 5 s")),
             qPrintable(messages.join(QLatin1Char('\n'))));
    QTRY_VERIFY_WITH_TIMEOUT(connections.endsWith(true), 30000);
    QVERIFY(controller.serverRun()->followProcessId() != frozen);
    ::kill(static_cast<pid_t>(frozen), SIGCONT);  // already killed by then; harmless
    controller.serverRun()->setSilenceLimit(20000);

    // Pause saves a checkpoint there and ends the process; Resume goes on at the next step.
    controller.pause();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Paused, 60000);
    QVERIFY(QFile::exists(remote + QStringLiteral("/checkpoint.pth")));
    const int64_t lastBeforePause = stepIterations(received).last();
    controller.resume();
    QTRY_VERIFY_WITH_TIMEOUT(stepIterations(received).last() > lastBeforePause, 120000);

    // Every step once and in order, across the drops and the pause.
    const auto steps = stepIterations(received);
    for (qsizetype i = 1; i < steps.size(); ++i)
      QVERIFY2(steps[i] == steps[i - 1] + 1, qPrintable(QStringLiteral("%1 after %2").arg(steps[i]).arg(steps[i - 1])));

    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Stopped, 60000);
    QCOMPARE(contents(remote + QStringLiteral("/detached.exit")).trimmed(), QByteArray("0"));
    // The mirror holds what the run wrote there, byte for byte.
    for (const char* name : {"metrics.jsonl", "train.log", "detached.out"})
      QCOMPARE(contents(local + QLatin1Char('/') + QLatin1String(name)),
               contents(remote + QLatin1Char('/') + QLatin1String(name)));
    QVERIFY(QFile::exists(local + QStringLiteral("/config.json")));
    QVERIFY(QFile::exists(local + QStringLiteral("/remote.json")));
    // The mirror says the run ended, as the server's folder does.
    QCOMPARE(contents(local + QStringLiteral("/detached.exit")).trimmed(), QByteArray("0"));

    // The checkpoint, fetched: the same bytes.
    QSignalSpy fetched(controller.serverRun(), &RemoteRun::checkpointFetched);
    controller.serverRun()->fetchCheckpoint();
    QVERIFY(fetched.wait(60000));
    QVERIFY2(fetched.first().at(1).toString().isEmpty(), qPrintable(fetched.first().at(1).toString()));
    QCOMPARE(fetched.first().at(0).toString(), local + QStringLiteral("/checkpoint.pth"));
    QCOMPARE(contents(local + QStringLiteral("/checkpoint.pth")), contents(remote + QStringLiteral("/checkpoint.pth")));
    QVERIFY(!QFile::exists(local + QStringLiteral("/checkpoint.pth.part")));
  }

  // Stop pressed while the run is still starting there (before dino train handles signals): a stop,
  // not a failure. A folder here that holds a run trained here is refused, and so is a folder there
  // that a run of another folder of the same name already uses.
  void aStopDuringStartUpIsAStopAndFoldersAreNotShared() {
    TrainingController controller;
    controller.setServer(target());
    QSignalSpy failed(&controller, &TrainingController::failed);
    QVERIFY2(controller.start(tinySettings(path(QStringLiteral("local/early")), 200)),
             qPrintable(controller.lastError()));
    controller.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 60000);
    QCOMPARE(controller.state(), dino::RunState::Stopped);
    QCOMPARE(failed.count(), 0);

    QVERIFY(QDir().mkpath(path(QStringLiteral("elsewhere/early"))));
    QVERIFY(controller.start(tinySettings(path(QStringLiteral("elsewhere/early")), 1)));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 60000);
    QCOMPARE(controller.state(), dino::RunState::Failed);
    QVERIFY2(controller.lastError().contains(QStringLiteral("already exists")), qPrintable(controller.lastError()));

    const QString trainedHere = path(QStringLiteral("local/trained-here"));
    QVERIFY(QDir().mkpath(trainedHere));
    QFile log(trainedHere + QStringLiteral("/train.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.close();
    QVERIFY(!controller.start(tinySettings(trainedHere, 1)));
    QVERIFY2(controller.lastError().contains(QStringLiteral("holds a run trained on this machine")),
             qPrintable(controller.lastError()));

    // The mirror of a run on another server goes on only there.
    const QString elsewhere = path(QStringLiteral("local/elsewhere"));
    QVERIFY(QDir().mkpath(elsewhere));
    write(QStringLiteral("local/elsewhere/remote.json"), QStringLiteral(R"({"host": "other-box", "folder": "/x"})"));
    QVERIFY(!controller.start(tinySettings(elsewhere, 1)));
    QVERIFY2(controller.lastError().contains(QStringLiteral("choose other-box")), qPrintable(controller.lastError()));

    // Let go while it starts (the app quitting does the same): the mirror already says where the
    // run is, and following it finds the run that did start there.
    const QString letGo = path(QStringLiteral("local/let-go"));
    QVERIFY2(controller.start(tinySettings(letGo, 200)), qPrintable(controller.lastError()));
    controller.stopFollowingServerRun();
    QCOMPARE(controller.state(), dino::RunState::Idle);
    QVERIFY(QFile::exists(letGo + QStringLiteral("/remote.json")));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path(QStringLiteral("remote runs/it's $HOME/let-go/detached.pid"))), 60000);
    MetricRecords received;
    connect(&controller, &TrainingController::recordsArrived, this,
            [&received](const MetricRecords& records) { received.append(records); });
    QVERIFY2(controller.attachToServerRun(letGo), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(!stepIterations(received).isEmpty(), 120000);
    QCOMPARE(stepIterations(received).first(), int64_t{0});  // the mirror was empty: from the start
    // Stop twice: SIGKILL to its process group; the run is gone, and that is a stop.
    controller.stop();
    controller.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isActive(), 60000);
    QCOMPARE(controller.state(), dino::RunState::Stopped);
    const QByteArray ids = contents(path(QStringLiteral("remote runs/it's $HOME/let-go/detached.pid"))).trimmed();
    for (const QByteArray& id : ids.split(' ')) QVERIFY2(!alive(id.toLongLong()), ids.constData());
  }

  // The server's dino must be this app's version: the start says which it found.
  void anotherVersionThereIsRefused() {
    QCoreApplication::setApplicationVersion(QStringLiteral("0.0.1-other"));
    RemoteRun remote;
    remote.setTarget(target());
    QSignalSpy ended(&remote, &RemoteRun::ended);
    QString error;
    QVERIFY(remote.start(tinySettings(path(QStringLiteral("local/versioned")), 1), false, &error));
    const bool answered = ended.wait(60000);
    QCoreApplication::setApplicationVersion(QStringLiteral(DINO_VERSION));
    QVERIFY(answered);
    error = ended.first().first().toString();
    QVERIFY2(
        error.contains(QStringLiteral("is not this app's version")) && error.contains(QStringLiteral("0.0.1-other")),
        qPrintable(error));
  }

  void theRunOutlivesTheAppAndIsPickedUpAgain() {
    const QString local = path(QStringLiteral("local/outlived"));
    QString remote;
    int64_t lastSeen = -1;
    {
      TrainingController controller;
      controller.setServer(target());
      MetricRecords received;
      connect(&controller, &TrainingController::recordsArrived, this,
              [&received](const MetricRecords& records) { received.append(records); });
      QVERIFY2(controller.start(tinySettings(local, 200)), qPrintable(controller.lastError()));
      QTRY_VERIFY_WITH_TIMEOUT(stepIterations(received).size() >= 2, 120000);
      remote = controller.serverRun()->remoteFolder();
      lastSeen = stepIterations(received).last();
    }  // the app quits: the run goes on there
    QTest::qWait(1500);
    const QByteArray pid =
        contents(remote + QStringLiteral("/detached.pid")).trimmed().split(' ').first();  // its process, then its group
    QVERIFY(alive(pid.toLongLong()));
    QVERIFY(!QFile::exists(remote + QStringLiteral("/detached.exit")));

    // A new app picks it up from its mirror: the steps trained meanwhile arrive, none twice.
    TrainingController controller;
    MetricRecords received;
    connect(&controller, &TrainingController::recordsArrived, this,
            [&received](const MetricRecords& records) { received.append(records); });
    QVERIFY2(controller.attachToServerRun(local), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(!stepIterations(received).isEmpty(), 60000);
    QCOMPARE(stepIterations(received).first(), lastSeen + 1);
    // Stop Following leaves it going there; following again goes on where the mirror ends.
    controller.stopFollowingServerRun();
    QCOMPARE(controller.state(), dino::RunState::Idle);
    const int64_t lastFollowed = stepIterations(received).last();
    QTest::qWait(1000);
    QVERIFY(alive(pid.toLongLong()));
    received.clear();
    QVERIFY2(controller.attachToServerRun(local), qPrintable(controller.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(!stepIterations(received).isEmpty(), 60000);
    QCOMPARE(stepIterations(received).first(), lastFollowed + 1);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), dino::RunState::Stopped, 60000);
    QCOMPARE(contents(local + QStringLiteral("/metrics.jsonl")), contents(remote + QStringLiteral("/metrics.jsonl")));

    // A folder that is no mirror is named.
    QVERIFY(!controller.attachToServerRun(dir_.path()));
    QVERIFY2(controller.lastError().contains(QStringLiteral("remote.json")), qPrintable(controller.lastError()));
  }

 private:
  QString path(const QString& name) const { return dir_.filePath(name); }
  void write(const QString& name, const QString& text) {
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
  }
  bool listening() const {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(port_));
    return socket.waitForConnected(200);
  }
  SshTarget target() const {
    SshTarget t;
    t.host = QStringLiteral("dino-test-server");
    t.sshOptions = {QStringLiteral("-F"), path(QStringLiteral("ssh_config"))};
    t.program = QStringLiteral(DINO_CLI_PATH);
    // A space, a quote and a dollar: the scripts' quoting is tested by every run.
    t.runsFolder = path(QStringLiteral("remote runs/it's $HOME"));
    return t;
  }

  const QString sshd_ = QStringLiteral("/usr/sbin/sshd");
  QTemporaryDir dir_;
  int port_ = 0;
  QProcess sshd_process_;
};

QTEST_MAIN(TestRemoteRun)
#include "test_remote_run.moc"
