// Retrieval mAP as the revisited Oxford and Paris benchmarks compute it, on rankings small enough
// to score by hand: the trapezoid average precision, junk taken out of the ranking, the three
// protocols, precision at k, and queries without positives.
#include <dino/eval/retrieval_map.h>

#include <QtTest>

#include <cmath>

using namespace dino;

class TestRetrievalMap : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void averagePrecisionByHand() {
    // Hits at ranks 0 and 2 of 2 positives: (1 + 1)/2 * 1/2 + (1/2 + 2/3)/2 * 1/2 = 0.5 + 0.291666...
    QVERIFY(std::abs(average_precision({0, 2}, 2) - (0.5 + 7.0 / 24.0)) < 1e-12);
    // A positive never retrieved still counts in the recall steps: half the precision mass.
    QVERIFY(std::abs(average_precision({0}, 2) - 0.5) < 1e-12);
    // A first hit at rank 1: precision 0 before it, 1/2 at it.
    QVERIFY(std::abs(average_precision({1}, 1) - 0.25) < 1e-12);
  }

  void junkIsTakenOutOfTheRanking() {
    const std::vector<std::vector<int64_t>> ranking{{10, 11, 12, 13}};
    // Positives 10 and 12, nothing junk: AP 0.791666...
    auto plain = mean_average_precision(ranking, {{{10, 12}, {}}}, {1, 5});
    QVERIFY(std::abs(plain.map - (0.5 + 7.0 / 24.0)) < 1e-12);
    // 11 is junk: 12 moves up to rank 1, a perfect ranking.
    auto junk = mean_average_precision(ranking, {{{10, 12}, {11}}}, {1, 5});
    QCOMPARE(junk.map, 1.0);
    QCOMPARE(junk.precision_at_k, (std::vector<double>{1.0, 1.0}));  // k capped at the last hit (2)
  }

  void revisitedProtocols() {
    // Image 1 is easy, 2 hard, 3 junk; the ranking is 0 (irrelevant), 1, 2, 3.
    const std::vector<RevisitedQuery> queries{{{1}, {2}, {3}}};
    const std::vector<std::vector<int64_t>> ranking{{0, 1, 2, 3}};
    const auto score = [&](RevisitedProtocol p) {
      return mean_average_precision(ranking, revisited_ground_truth(queries, p)).map;
    };
    QVERIFY(std::abs(score(RevisitedProtocol::Easy) - 0.25) < 1e-12);                             // 1 at rank 1
    QVERIFY(std::abs(score(RevisitedProtocol::Medium) - (0.5 + 1.0 / 2 + 2.0 / 3) / 4) < 1e-12);  // 1, 2
    QVERIFY(std::abs(score(RevisitedProtocol::Hard) - 0.25) < 1e-12);  // 1 is junk: 2 moves to rank 1
    const auto hard = revisited_ground_truth(queries, RevisitedProtocol::Hard).front();
    QCOMPARE(hard.ok, (std::vector<int64_t>{2}));
    QCOMPARE(hard.junk, (std::vector<int64_t>{3, 1}));
  }

  void queriesWithoutPositivesAreLeftOut() {
    const auto scores = mean_average_precision({{5, 6}, {5, 6}}, {{{}, {}}, {{6}, {}}}, {1});
    QVERIFY(std::isnan(scores.aps[0]));
    QVERIFY(std::abs(scores.aps[1] - 0.25) < 1e-12);
    QVERIFY(std::abs(scores.map - 0.25) < 1e-12);                 // the mean over the one query that counts
    QCOMPARE(scores.precision_at_k, (std::vector<double>{0.0}));  // nothing in the first place
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mean_average_precision({{1}}, {}, {1}));
  }
};

QTEST_MAIN(TestRetrievalMap)
#include "test_retrieval_map.moc"
