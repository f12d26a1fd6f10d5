// Weighted k-NN (reference.md §5.1) on a case small enough to vote by hand.
#include <dino/eval/knn.h>

#include <QtTest>
#include <torch/torch.h>

#include <cmath>

using namespace dino;

class TestKnn : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void votesAreWeightedBySimilarity() {
    // Unit vectors at angles 0, 10, 20 (class 0) and 90, 100 (class 1) degrees.
    auto at = [](double degrees) {
      const double r = degrees * M_PI / 180;
      return torch::tensor({static_cast<float>(std::cos(r)), static_cast<float>(std::sin(r))});
    };
    auto train = torch::stack({at(0), at(10), at(20), at(90), at(100)});
    auto labels = torch::tensor({0, 0, 0, 1, 1}, torch::kLong);
    // A test point at 60 degrees, k = 3: neighbours 90 (cos 30), 20 (cos 40), 100 (cos 40).
    // Class 1 votes exp(cos30/T) + exp(cos40/T), class 0 exp(cos40/T): class 1 wins for any T.
    auto test = torch::stack({at(60), at(5)});
    auto test_labels = torch::tensor({1, 1}, torch::kLong);  // the second is wrong on purpose
    auto result = weighted_knn(train, labels, test, test_labels, 3, 0.07, 2);
    QCOMPARE(result.top1, 50.0);
    QCOMPARE(result.top5, 100.0);  // top-5 is capped at k and there are two classes
    // With the point at 40: neighbours 20 (cos 20), 10 (cos 30), 0 (cos 40) -> class 0.
    auto near_zero = weighted_knn(train, labels, torch::stack({at(40)}), torch::tensor({0}, torch::kLong), 3, 0.07, 2);
    QCOMPARE(near_zero.top1, 100.0);
    // k = 5 at 50 degrees: class 0 votes exp(cos50/T)+exp(cos40/T)+exp(cos30/T),
    // class 1 exp(cos40/T)+exp(cos50/T); class 0 wins only through its extra member.
    auto all = weighted_knn(train, labels, torch::stack({at(50)}), torch::tensor({0}, torch::kLong), 5, 0.07, 2);
    QCOMPARE(all.top1, 100.0);
  }
};

QTEST_GUILESS_MAIN(TestKnn)
#include "test_knn.moc"
