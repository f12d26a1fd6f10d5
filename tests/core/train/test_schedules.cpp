// The schedules against the golden table of reference.md §1.7 (README vanilla run: 8 GPUs x 64 images,
// 100 epochs, 2502 iterations per epoch, peak lr 0.001).
#include <dino/train/schedules.h>

#include <QtTest>

#include <cmath>

using namespace dino;

namespace {
bool near(double actual, double expected, double relative) {
  return std::abs(actual - expected) <= relative * std::max(std::abs(expected), 1e-300);
}
}  // namespace

class TestSchedules : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void learningRate() {
    const auto lr = cosine_schedule(0.0005 * 512 / 256, 1e-6, 100, 2502, 10);
    QCOMPARE(lr.size(), size_t{250200});
    QCOMPARE(lr[0], 0.0);
    QVERIFY(near(lr[1], 3.99696e-08, 1e-5));
    QVERIFY(near(lr[2240], 8.95320e-05, 1e-5));
    QCOMPARE(lr[25019], 0.001);  // last warm-up value is the peak
    QCOMPARE(lr[25020], 0.001);  // and the cosine starts there again
    QVERIFY(near(lr[125100], 5.872373e-04, 1e-6));
    QVERIFY(near(lr[250199], 1.0000000486e-06, 1e-9));
  }

  void weightDecay() {
    const auto wd = cosine_schedule(0.04, 0.4, 100, 2502);
    QCOMPARE(wd[0], 0.04);
    QVERIFY(near(wd[1], 0.0400000000142, 1e-11));
    QVERIFY(near(wd[2240], 0.0400711926, 1e-9));
    QVERIFY(near(wd[25019], 0.0488091287, 1e-9));
    QVERIFY(near(wd[25020], 0.0488098271, 1e-9));
    QVERIFY(near(wd[125100], 0.22, 1e-12));
    QVERIFY(std::abs(wd[250199] - 0.39999999999) <= 5e-12);  // reference.md §1.7's golden value, rounded to 11 decimals
  }

  void teacherMomentum() {
    const auto m = cosine_schedule(0.996, 1.0, 100, 2502);
    QCOMPARE(m[0], 0.996);
    QVERIFY(near(m[1], 0.99600000000016, 1e-14));
    QVERIFY(near(m[2240], 0.9960007910, 1e-10));
    QVERIFY(near(m[25019], 0.9960978792, 1e-10));
    QVERIFY(near(m[25020], 0.9960978870, 1e-10));
    QVERIFY(near(m[125100], 0.998, 1e-14));
    QVERIFY(near(m[250199], 0.99999999999984, 1e-14));
    QVERIFY(m[250199] < 1.0);  // the cosine never reaches its final value
  }

  void linspaceLikeNumpy() {
    const auto v = numpy_linspace(0.04, 0.07, 30);
    QCOMPARE(v.size(), size_t{30});
    QCOMPARE(v.front(), 0.04);
    QCOMPARE(v.back(), 0.07);
    QCOMPARE(v[1], 1 * ((0.07 - 0.04) / 29) + 0.04);
    QCOMPARE(numpy_linspace(1.0, 2.0, 1), std::vector<double>{1.0});
    QVERIFY(numpy_linspace(1.0, 2.0, 0).empty());
  }

  void warmupLongerThanTrainingIsClamped() {
    const auto lr = cosine_schedule(1.0, 0.0, 2, 3, 5);
    QCOMPARE(lr.size(), size_t{6});
    QCOMPARE(lr.back(), 1.0);
  }
};

QTEST_GUILESS_MAIN(TestSchedules)
#include "test_schedules.moc"
