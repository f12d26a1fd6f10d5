// The training step's pieces against spec §1.6-§1.8 and §3.3-§3.4, worked out by hand.
#include <dino/train/dino_trainer.h>
#include <dino/train/gradient_ops.h>
#include <dino/train/optimizer_state.h>

#include <QtTest>
#include <torch/torch.h>

using namespace dino;

namespace {

struct TwoTensors : torch::nn::Module {
  TwoTensors() {
    a = register_parameter("a", torch::zeros({2}));
    last_layer = register_parameter("last_layer_w", torch::zeros({2, 1}));
  }
  torch::Tensor a, last_layer;
};

TrainerOptions tiny_trainer(int64_t epochs = 2, int64_t iterations = 3) {
  TrainerOptions o;
  o.vit = *vit_preset("vit_tiny", 8);
  o.vit.depth = 1;
  o.vit.img_size = 16;
  o.head.out_dim = 16;
  o.head.hidden_dim = 8;
  o.head.bottleneck_dim = 4;
  o.loss.ncrops = 3;
  o.epochs = epochs;
  o.iterations_per_epoch = iterations;
  o.warmup_epochs = 1;
  o.total_batch_size = 4;
  o.lr = 0.05;
  return o;
}

std::vector<torch::Tensor> crops() {
  return {torch::randn({4, 3, 16, 16}), torch::randn({4, 3, 16, 16}), torch::randn({4, 3, 8, 8})};
}

}  // namespace

class TestTrainer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { torch::manual_seed(5); }

  void clippingIsPerParameter() {
    TwoTensors m;
    m.a.mutable_grad() = torch::tensor({3.0f, 4.0f});              // norm 5: clipped to 3
    m.last_layer.mutable_grad() = torch::tensor({{0.3f}, {0.4f}});  // norm 0.5: untouched
    auto norms = clip_gradients(m, 3.0);
    QCOMPARE(norms.size(), size_t{2});
    QVERIFY(std::abs(norms[0] - 5.0) < 1e-6);
    const double coefficient = 3.0 / (5.0 + 1e-6);
    QVERIFY(std::abs(m.a.grad()[0].item<double>() - 3.0 * coefficient) < 1e-6);
    QVERIFY(std::abs(m.a.grad()[1].item<double>() - 4.0 * coefficient) < 1e-6);
    QVERIFY(std::abs(m.last_layer.grad()[1][0].item<double>() - 0.4) < 1e-7);
  }

  void lastLayerGradientsAreDroppedWhileFrozen() {
    TwoTensors m;
    m.a.mutable_grad() = torch::ones({2});
    m.last_layer.mutable_grad() = torch::ones({2, 1});
    cancel_last_layer_gradients(m, /*epoch=*/1, /*freeze_last_layer=*/1);
    QVERIFY(m.last_layer.grad().defined());
    cancel_last_layer_gradients(m, 0, 1);
    QVERIFY(!m.last_layer.grad().defined());  // undefined, not zero: the optimizer skips it
    QVERIFY(m.a.grad().defined());
  }

  void teacherIsAnExponentialMovingAverage() {
    TwoTensors teacher, student;
    {
      torch::NoGradGuard no_grad;
      teacher.a.copy_(torch::tensor({1.0f, 2.0f}));
      student.a.copy_(torch::tensor({3.0f, -2.0f}));
    }
    update_teacher(teacher, student, 0.9);
    QVERIFY(std::abs(teacher.a[0].item<double>() - (0.9 * 1 + 0.1 * 3)) < 1e-6);
    QVERIFY(std::abs(teacher.a[1].item<double>() - (0.9 * 2 - 0.1 * 2)) < 1e-6);
  }

  void parameterGroupsFollowTheReference() {
    auto options = tiny_trainer();
    DinoTrainer trainer(options);
    auto groups = split_parameter_groups(*trainer.student);
    auto in = [](const std::vector<std::string>& names, const std::string& name) {
      return std::find(names.begin(), names.end(), name) != names.end();
    };
    // spec §10 item 1: these are decayed; biases and 1-D parameters are not; the frozen g is absent.
    for (const char* name : {"backbone.cls_token", "backbone.pos_embed", "backbone.patch_embed.proj.weight",
                             "head.last_layer.weight_v", "backbone.blocks.0.attn.qkv.weight"})
      QVERIFY2(in(groups.regularized_names, name), name);
    for (const char* name : {"backbone.patch_embed.proj.bias", "backbone.blocks.0.norm1.weight", "backbone.norm.bias",
                             "head.mlp.0.bias"})
      QVERIFY2(in(groups.not_regularized_names, name), name);
    QVERIFY(!in(groups.regularized_names, "head.last_layer.weight_g"));
    QVERIFY(!in(groups.not_regularized_names, "head.last_layer.weight_g"));
    options.norm_last_layer = false;
    DinoTrainer unfrozen(options);
    QVERIFY(in(split_parameter_groups(*unfrozen.student).regularized_names, "head.last_layer.weight_g"));
  }

  void stepFollowsTheSchedulesAndFreezesTheLastLayer() {
    DinoTrainer trainer(tiny_trainer());
    auto before = trainer.student->backbone->pos_embed.clone();
    auto last_before = trainer.student->head->last_layer->weight_v.clone();
    auto teacher_before = trainer.teacher->backbone->pos_embed.clone();
    // Iteration 0 has lr 0 (warm-up from 0): nothing moves, not even by weight decay.
    auto first = trainer.step(crops(), 0, 0);
    QVERIFY(first.finite);
    QCOMPARE(first.lr, 0.0);
    QVERIFY(torch::equal(trainer.student->backbone->pos_embed, before));
    // lr = 0.05 * 4 / 256 peak; warm-up over 3 iterations: 0, peak/2, peak.
    auto second = trainer.step(crops(), 1, 0);
    QVERIFY(std::abs(second.lr - 0.05 * 4 / 256 / 2) < 1e-12);
    QVERIFY(!torch::equal(trainer.student->backbone->pos_embed, before));
    QVERIFY(torch::equal(trainer.student->head->last_layer->weight_v, last_before));  // frozen in epoch 0
    auto& groups = trainer.optimizer().param_groups();
    QCOMPARE(static_cast<torch::optim::AdamWOptions&>(groups[0].options()).weight_decay(), trainer.wd_schedule()[1]);
    QCOMPARE(static_cast<torch::optim::AdamWOptions&>(groups[1].options()).weight_decay(), 0.0);
    // The teacher moved by (1 - m) towards the student.
    const double m = trainer.momentum_schedule()[1];
    auto expected_teacher = teacher_before * m + trainer.student->backbone->pos_embed * (1 - m);
    QVERIFY(torch::allclose(trainer.teacher->backbone->pos_embed, expected_teacher, 1e-6, 1e-7));
    trainer.step(crops(), 3, 1);  // epoch 1: the last layer trains
    QVERIFY(!torch::equal(trainer.student->head->last_layer->weight_v, last_before));
    QCOMPARE(trainer.student->head->last_layer->weight_g.min().item<double>(), 1.0);  // g stays frozen
  }

  void optimizerStateHasPyTorchsLayout() {
    DinoTrainer trainer(tiny_trainer());
    trainer.step(crops(), 1, 0);
    auto state = optimizer_state_to_py(trainer.optimizer(), "adamw");
    const auto& groups = state.as_dict().find("param_groups")->items();
    QCOMPARE(groups.size(), size_t{2});
    const auto split = split_parameter_groups(*trainer.student);
    QCOMPARE(groups[0].as_dict().find("params")->items().size(), split.regularized.size());
    QCOMPARE(groups[1].as_dict().find("params")->items().front().as_int(), int64_t(split.regularized.size()));
    const auto& per_param = state.as_dict().find("state")->as_dict();
    // The frozen last layer (weight_v) has no state yet after an epoch-0 step.
    QCOMPARE(per_param.items.size(), split.regularized.size() + split.not_regularized.size() - 1);
    QCOMPARE(per_param.items[0].second.as_dict().find("step")->as_tensor().item<double>(), 1.0);
  }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
