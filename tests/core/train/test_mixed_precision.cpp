// Mixed precision: autocast scopes and the gradient scaler (reference.md §1.6, §1.10), on the CPU.
#include <dino/model/autocast_scope.h>
#include <dino/train/dino_trainer.h>
#include <dino/train/grad_scaler.h>

#include "tiny_trainer.h"

#include <QtTest>
#include <torch/torch.h>

using namespace dino;

class TestMixedPrecision : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void autocastScopeSetsAndRestores() {
    torch::nn::Linear linear(8, 4);
    auto x = torch::randn({2, 8});
    {
      AutocastScope bf16(c10::DeviceType::CPU, c10::ScalarType::BFloat16);
      QCOMPARE(linear->forward(x).scalar_type(), torch::kBFloat16);
      {
        AutocastScope none(c10::DeviceType::CPU, std::nullopt);  // no-op inside
        QCOMPARE(linear->forward(x).scalar_type(), torch::kBFloat16);
      }
    }
    QCOMPARE(linear->forward(x).scalar_type(), torch::kFloat);
  }

  void scalerScalesUnscalesAndSkipsNonFiniteSteps() {
    torch::Tensor w = torch::ones({3}).set_requires_grad(true);
    torch::optim::SGD sgd({w}, torch::optim::SGDOptions(0.1));
    GradScalerOptions options;
    options.init_scale = 1024;
    options.growth_interval = 2;
    GradScaler scaler(options);
    auto loss = (w * torch::tensor({1.0f, 2.0f, 3.0f})).sum();
    auto scaled = scaler.scale(loss);
    QCOMPARE(scaled.item<double>(), 6.0 * 1024);
    scaled.backward();
    QCOMPARE(w.grad()[2].item<double>(), 3.0 * 1024);
    scaler.unscale(sgd);
    QCOMPARE(w.grad()[2].item<double>(), 3.0);  // exact: powers of two
    QVERIFY(scaler.step(sgd));
    QVERIFY(std::abs(w[2].item<double>() - (1.0 - 0.1 * 3.0)) < 1e-6);
    scaler.update();
    QCOMPARE(scaler.current_scale(), 1024.0);
    QCOMPARE(scaler.growth_tracker(), int64_t{1});

    // A non-finite gradient: no step, the scale halves, the clean-step count restarts.
    sgd.zero_grad();
    const auto before = w.detach().clone();
    (w * torch::tensor({1.0f, std::numeric_limits<float>::infinity(), 1.0f})).sum().backward();
    QVERIFY(!scaler.step(sgd));
    QVERIFY(torch::equal(w.detach(), before));
    scaler.update();
    QCOMPARE(scaler.current_scale(), 512.0);
    QCOMPARE(scaler.growth_tracker(), int64_t{0});

    // growth_interval clean steps double it.
    for (int i = 0; i < 2; ++i) {
      sgd.zero_grad();
      scaler.scale(w.sum()).backward();
      QVERIFY(scaler.step(sgd));
      scaler.update();
    }
    QCOMPARE(scaler.current_scale(), 1024.0);
    const auto state = scaler.state_dict();
    QCOMPARE(state.as_dict().find("scale")->as_double(), 1024.0);
    QCOMPARE(state.as_dict().find("growth_interval")->as_int(), int64_t{2});
    GradScaler restored;
    restored.load_state_dict(state);
    QCOMPARE(restored.current_scale(), 1024.0);
  }

  void bf16StepTracksTheFp32Step() {
    auto make = [](std::optional<c10::ScalarType> dtype, bool scaler) {
      TrainerOptions o = test::tiny_trainer_options(/*epochs=*/1, /*iterations_per_epoch=*/2);
      o.drop_path_rate = 0;
      o.head.out_dim = 32;
      o.head.hidden_dim = 16;
      o.head.bottleneck_dim = 8;
      o.warmup_epochs = 0;
      o.total_batch_size = TrainerOptions{}.total_batch_size;  // this test's lr: the defaults'
      o.lr = TrainerOptions{}.lr;
      o.autocast_dtype = dtype;
      o.use_grad_scaler = scaler;
      torch::manual_seed(3);
      return std::make_unique<DinoTrainer>(o);
    };
    torch::manual_seed(4);
    std::vector<torch::Tensor> crops{torch::randn({4, 3, 16, 16}), torch::randn({4, 3, 16, 16}), torch::randn({4, 3, 8, 8})};
    auto full = make(std::nullopt, false);
    auto half = make(c10::ScalarType::BFloat16, false);
    auto scaled = make(c10::ScalarType::BFloat16, true);
    const auto a = full->step(crops, 0, 0);
    const auto b = half->step(crops, 0, 0);
    const auto c = scaled->step(crops, 0, 0);
    QVERIFY(b.finite && c.finite);
    QVERIFY2(std::abs(a.loss - b.loss) < 0.05 * std::abs(a.loss), qPrintable(QString("%1 vs %2").arg(a.loss).arg(b.loss)));
    QCOMPARE(b.loss, c.loss);  // the scaler changes gradients' scale, not the loss
    QVERIFY(c.optimizer_stepped);
    QCOMPARE(scaled->grad_scaler()->current_scale(), 65536.0);
  }
};

QTEST_GUILESS_MAIN(TestMixedPrecision)
#include "test_mixed_precision.moc"
