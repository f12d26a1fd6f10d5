// A run's log file is owned by the run (log::FileSink): it receives what is logged while it lives
// and nothing after, a second run's file does not get the first's lines or the other way round,
// and files come and go safely while other threads log. And the texts for people: durations.
#include <dino/log/human_readable.h>
#include <dino/log/log.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>
#include <vector>

namespace {

QString read_all(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace

class TestLog : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aFileGetsWhatIsLoggedWhileItLives() {
    QTemporaryDir dir;
    const QString first = dir.filePath("first.log"), second = dir.filePath("second.log");
    {
      const dino::log::FileSink first_run(first.toStdString());
      dino::log::info("line one");
      {
        const dino::log::FileSink second_run(second.toStdString());
        dino::log::info("line two");
      }
      dino::log::info("line three");
    }
    dino::log::info("line four");
    const QString a = read_all(first), b = read_all(second);
    QVERIFY(a.contains("line one") && a.contains("line two") && a.contains("line three"));
    QVERIFY2(!a.contains("line four"), qPrintable(a));
    QVERIFY(b.contains("line two"));
    QVERIFY2(!b.contains("line one") && !b.contains("line three") && !b.contains("line four"), qPrintable(b));
    QCOMPARE(a.count(QStringLiteral("line two")), 1);
  }

  void anUnwritableFileIsNamed() {
    QTemporaryDir dir;
    // A path under a regular file cannot be opened.
    QFile blocker(dir.filePath("a-file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const std::string under_file = dir.filePath("a-file/train.log").toStdString();
    try {
      dino::log::FileSink sink(under_file);
      QFAIL("a log file under a regular file was opened");
    } catch (const std::runtime_error& e) {
      QVERIFY2(std::string(e.what()).find(under_file) != std::string::npos, e.what());
    }
  }

  // Runs start and end (their files added and removed) while other threads log: 200 runs against
  // two threads of 300 lines each (bounded: the lines also go to the console).
  void filesComeAndGoWhileOthersLog() {
    QTemporaryDir dir;
    std::vector<std::thread> writers;
    for (int t = 0; t < 2; ++t)
      writers.emplace_back([t] {
        for (int i = 0; i < 300; ++i) dino::log::info("writer " + std::to_string(t) + " line " + std::to_string(i));
      });
    for (int run = 0; run < 200; ++run) {
      const dino::log::FileSink sink(dir.filePath(QStringLiteral("run%1.log").arg(run)).toStdString());
      dino::log::info("run " + std::to_string(run));
    }
    for (auto& w : writers) w.join();
    for (int run = 0; run < 200; ++run)
      QVERIFY(read_all(dir.filePath(QStringLiteral("run%1.log").arg(run))).contains(QStringLiteral("run %1\n").arg(run)));
  }

  // A time left as `dino train` and the app's status line print it.
  void durationsReadAsPeopleSayThem() {
    using dino::log::approximate_duration;
    QCOMPARE(approximate_duration(0), std::string("about 0 s"));
    QCOMPARE(approximate_duration(44.6), std::string("about 45 s"));
    QCOMPARE(approximate_duration(89), std::string("about 1 min"));   // 1 min 29 s
    QCOMPARE(approximate_duration(90), std::string("about 2 min"));   // rounded to the nearest minute
    QCOMPARE(approximate_duration(3600), std::string("about 1 h"));
    QCOMPARE(approximate_duration(3 * 3600 + 20 * 60 + 10), std::string("about 3 h 20 min"));
    QCOMPARE(approximate_duration(26 * 3600 + 40 * 60), std::string("about 1 d 3 h"));  // to the hour past a day
    QCOMPARE(approximate_duration(-5), std::string("about 0 s"));
  }
};

QTEST_GUILESS_MAIN(TestLog)
#include "test_log.moc"
