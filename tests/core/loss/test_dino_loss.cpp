// DINOLoss against hand computations (reference.md §1.5) and the paper's §5.3 diagnostics.
#include <dino/loss/dino_loss.h>

#include <QtTest>
#include <torch/torch.h>

#include <cmath>

using namespace dino;

namespace {

using Row = std::vector<double>;

Row softmax(const Row& logits, double temperature) {
  double top = -1e300;
  for (double v : logits) top = std::max(top, v / temperature);
  Row p(logits.size());
  double total = 0;
  for (size_t i = 0; i < logits.size(); ++i) total += p[i] = std::exp(logits[i] / temperature - top);
  for (double& v : p) v /= total;
  return p;
}

double cross_entropy(const Row& p, const Row& q) {
  double h = 0;
  for (size_t i = 0; i < p.size(); ++i) h -= p[i] * std::log(q[i]);
  return h;
}

double entropy(const Row& p) { return cross_entropy(p, p); }

torch::Tensor to_tensor(const std::vector<Row>& rows) {
  auto t = torch::empty({static_cast<int64_t>(rows.size()), static_cast<int64_t>(rows[0].size())}, torch::kDouble);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c) t[r][c] = rows[r][c];
  return t.to(torch::kFloat);
}

// B = 1, K = 3, 2 global crops and 1 local crop.
const std::vector<Row> kStudent{{1.0, -0.5, 0.2}, {0.3, 0.3, -1.0}, {-0.2, 0.8, 0.1}};
const std::vector<Row> kTeacher{{0.5, 0.1, -0.3}, {0.05, 0.2, 0.0}};

DinoLossOptions hand_options() {
  DinoLossOptions o;
  o.out_dim = 3;
  o.ncrops = 3;
  o.nepochs = 2;
  o.warmup_teacher_temp = 0.04;
  o.teacher_temp = 0.04;
  return o;
}

double hand_loss(const Row& center) {
  std::vector<Row> teacher_probs;
  for (const auto& row : kTeacher) {
    Row centred(row.size());
    for (size_t i = 0; i < row.size(); ++i) centred[i] = row[i] - center[i];
    teacher_probs.push_back(softmax(centred, 0.04));
  }
  // Pairs (teacher iq, student v) with v != iq: (0,1), (0,2), (1,0), (1,2): 2 * 3 - 2 = 4 terms.
  double total = 0;
  for (int iq = 0; iq < 2; ++iq)
    for (int v = 0; v < 3; ++v)
      if (v != iq) total += cross_entropy(teacher_probs[iq], softmax(kStudent[v], 0.1));
  return total / 4.0;
}

}  // namespace

class TestDinoLoss : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void lossOfAHandBuiltCase() {
    DinoLoss loss(hand_options());
    const double value = loss->forward(to_tensor(kStudent), to_tensor(kTeacher), 0).item<double>();
    QVERIFY2(std::abs(value - hand_loss({0, 0, 0})) < 1e-5, qPrintable(QString::number(value)));
  }

  void centreIsUpdatedAfterTheLoss() {
    DinoLoss loss(hand_options());
    loss->forward(to_tensor(kStudent), to_tensor(kTeacher), 0);  // used the zero centre
    // centre = 0.9 * 0 + 0.1 * mean of the raw teacher rows
    const Row center{0.1 * (0.5 + 0.05) / 2, 0.1 * (0.1 + 0.2) / 2, 0.1 * (-0.3 + 0.0) / 2};
    for (int i = 0; i < 3; ++i) QVERIFY(std::abs(loss->center[0][i].item<double>() - center[i]) < 1e-7);
    // The second step's loss uses that centre.
    const double second = loss->forward(to_tensor(kStudent), to_tensor(kTeacher), 1).item<double>();
    QVERIFY(std::abs(second - hand_loss(center)) < 1e-5);
    QVERIFY(std::abs(second - hand_loss({0, 0, 0})) > 1e-4);  // and the centre matters here
  }

  void reducerSumsAcrossProcesses() {
    DinoLoss single(hand_options());
    DinoLoss two_ranks(hand_options());
    // Two processes that saw the same batch: the all-reduced sum doubles, the divisor too.
    two_ranks->set_center_reducer({[](torch::Tensor& sum) { sum.mul_(2); }, 2});
    single->forward(to_tensor(kStudent), to_tensor(kTeacher), 0);
    two_ranks->forward(to_tensor(kStudent), to_tensor(kTeacher), 0);
    QVERIFY(torch::allclose(single->center, two_ranks->center));
  }

  void diagnostics() {
    DinoLoss loss(hand_options());
    loss->forward(to_tensor(kStudent), to_tensor(kTeacher), 0);
    const auto& d = loss->last_diagnostics();
    const Row p0 = softmax(kTeacher[0], 0.04), p1 = softmax(kTeacher[1], 0.04);
    const double h = (entropy(p0) + entropy(p1)) / 2;
    QVERIFY(std::abs(d.teacher_entropy - h) < 1e-5);
    QVERIFY(std::abs(d.loss - hand_loss({0, 0, 0})) < 1e-5);
    QVERIFY(std::abs(d.kl_divergence - (d.loss - h)) < 1e-6);
    QVERIFY(d.kl_divergence > 0);
    const Row mean{(p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2, (p0[2] + p1[2]) / 2};
    QVERIFY(std::abs(d.mean_teacher_entropy - entropy(mean)) < 1e-5);
    QCOMPARE(d.teacher_temperature, 0.04);
    const Row c{0.0275, 0.015, -0.015};
    QVERIFY(std::abs(d.center_norm - std::sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2])) < 1e-6);
    QVERIFY(std::abs(d.center_mean - (c[0] + c[1] + c[2]) / 3) < 1e-7);
  }

  void uniformOutputsGiveLnK() {
    DinoLossOptions o;
    o.out_dim = 65536;
    o.ncrops = 10;
    o.nepochs = 1;
    DinoLoss loss(o);
    const double value = loss->forward(torch::zeros({10 * 4, 65536}), torch::zeros({2 * 4, 65536}), 0).item<double>();
    QVERIFY(std::abs(value - 11.090354888959125) < 1e-4);  // ln 65536
    QVERIFY(std::abs(loss->last_diagnostics().teacher_entropy - 11.090354888959125) < 1e-4);
    QVERIFY(std::abs(loss->last_diagnostics().kl_divergence) < 1e-4);
  }

  void teacherTemperatureSchedule() {
    DinoLossOptions o;
    o.warmup_teacher_temp = 0.04;
    o.teacher_temp = 0.07;
    o.warmup_teacher_temp_epochs = 30;
    o.nepochs = 300;
    o.out_dim = 4;
    DinoLoss loss(o);
    // reference.md §1.5: the README boost recipe
    QCOMPARE(loss->teacher_temperature(0), 0.04);
    QVERIFY(std::abs(loss->teacher_temperature(1) - (0.04 + 0.03 / 29)) < 1e-15);
    QVERIFY(std::abs(loss->teacher_temperature(1) - 0.041034) < 1e-6);
    QCOMPARE(loss->teacher_temperature(29), 0.07);
    QCOMPARE(loss->teacher_temperature(299), 0.07);
    QCOMPARE(loss->teacher_temperature_schedule().size(), size_t{300});
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, loss->teacher_temperature(300));
    DinoLoss defaults(DinoLossOptions{});
    QCOMPARE(defaults->teacher_temperature(0), 0.04);  // warm-up 0 epochs by default
    QCOMPARE(defaults->teacher_temperature(99), 0.04);
  }

  void rejectsMismatchedShapes() {
    DinoLoss loss(hand_options());
    QVERIFY_THROWS_EXCEPTION(c10::Error, loss->forward(torch::zeros({4, 3}), torch::zeros({2, 3}), 0));
  }
};

QTEST_GUILESS_MAIN(TestDinoLoss)
#include "test_dino_loss.moc"
