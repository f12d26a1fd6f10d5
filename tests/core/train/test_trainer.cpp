// The training step's pieces against reference.md §1.6-§1.8 and §3.3-§3.4, worked out by hand.
#include <dino/system/device.h>
#include <dino/system/host_memory.h>
#include <dino/train/dino_trainer.h>
#include <dino/train/fused_adamw.h>
#include <dino/train/gradient_ops.h>
#include <dino/train/lars.h>
#include <dino/train/optimizer_state.h>

#include "tiny_trainer.h"

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

TrainerOptions tiny_trainer(int64_t epochs = 2, int64_t iterations = 3) { return test::tiny_trainer_options(epochs, iterations); }

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
    QCOMPARE(norms.numel(), int64_t{2});
    QVERIFY(std::abs(norms[0].item<double>() - 5.0) < 1e-6);
    const double coefficient = 3.0 / (5.0 + 1e-6);
    QVERIFY(std::abs(m.a.grad()[0].item<double>() - 3.0 * coefficient) < 1e-6);
    QVERIFY(std::abs(m.a.grad()[1].item<double>() - 4.0 * coefficient) < 1e-6);
    QVERIFY(std::abs(m.last_layer.grad()[1][0].item<double>() - 0.4) < 1e-7);
  }

  // The fused step against LibTorch's own AdamW (another code path): three steps over two groups
  // with and without weight decay, one parameter without a gradient at the second step, so that
  // it keeps a step count of its own.
  void fusedAdamWMatchesLibTorchsAdamW() {
    using torch::optim::AdamWOptions;
    torch::manual_seed(3);
    std::vector<torch::Tensor> plain{torch::randn({5, 7}), torch::randn({7}), torch::randn({3, 3})}, fused_params, initial;
    for (auto& t : plain) {
      initial.push_back(t.clone());
      fused_params.push_back(t.clone().set_requires_grad(true));
      t.set_requires_grad(true);
    }
    auto groups = [](const std::vector<torch::Tensor>& p) {
      std::vector<torch::optim::OptimizerParamGroup> g;
      g.emplace_back(std::vector<torch::Tensor>{p[0], p[2]}, std::make_unique<AdamWOptions>(AdamWOptions(0.01).weight_decay(0.04)));
      g.emplace_back(std::vector<torch::Tensor>{p[1]}, std::make_unique<AdamWOptions>(AdamWOptions(0.01).weight_decay(0.0)));
      return g;
    };
    torch::optim::AdamW reference(groups(plain), AdamWOptions(0.01));
    FusedAdamW fused(groups(fused_params), AdamWOptions(0.01));
    for (int step = 0; step < 3; ++step) {
      for (size_t i = 0; i < plain.size(); ++i) {
        if (step == 1 && i == 2) {
          plain[i].mutable_grad().reset();
          fused_params[i].mutable_grad().reset();
          continue;
        }
        auto g = torch::randn(plain[i].sizes());
        plain[i].mutable_grad() = g;
        fused_params[i].mutable_grad() = g.clone();
      }
      reference.step();
      fused.step();
    }
    for (size_t i = 0; i < plain.size(); ++i) {
      QVERIFY(!torch::allclose(plain[i], initial[i], 1e-3, 1e-3));
      QVERIFY2(torch::allclose(plain[i], fused_params[i], 1e-6, 1e-6), std::to_string(i).c_str());
    }
    auto& skipped = static_cast<torch::optim::AdamWParamState&>(*fused.state().at(fused_params[2].unsafeGetTensorImpl()));
    QCOMPARE(skipped.step(), int64_t{2});
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
    // reference.md §10 item 1: these are decayed; biases and 1-D parameters are not; the frozen g is absent.
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

  // reference.md §3.5 worked by hand: W = [[3, 4]] (|W| = 5) with gradient [[0, 1]], weight decay 0.1:
  // g = [0.3, 4 * 0.1 + 1] = [0.3, 1.4], |g| = sqrt(2.05), q = 0.001 * 5 / sqrt(2.05).
  // The 1-D bias [1, 2] with gradient [0.5, 0.5] is neither decayed nor adapted.
  void larsStepMatchesAHandComputation() {
    auto w = torch::tensor({{3.0, 4.0}}, torch::kDouble).requires_grad_();
    auto b = torch::tensor({1.0, 2.0}, torch::kDouble).requires_grad_();
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(std::vector<torch::Tensor>{w, b}, std::make_unique<LarsOptions>(LarsOptions(0.5).weight_decay(0.1)));
    Lars lars(std::move(groups), LarsOptions(0.0));
    w.mutable_grad() = torch::tensor({{0.0, 1.0}}, torch::kDouble);
    b.mutable_grad() = torch::tensor({0.5, 0.5}, torch::kDouble);
    lars.step();
    const double q = 0.001 * 5.0 / std::sqrt(2.05);
    QVERIFY(std::abs(w[0][0].item<double>() - (3.0 - 0.5 * 0.3 * q)) < 1e-12);
    QVERIFY(std::abs(w[0][1].item<double>() - (4.0 - 0.5 * 1.4 * q)) < 1e-12);
    QVERIFY(std::abs(b[0].item<double>() - (1.0 - 0.5 * 0.5)) < 1e-12);
    // Second step, same gradients on the bias: mu = 0.9 * 0.5 + 0.5 = 0.95.
    b.mutable_grad() = torch::tensor({0.5, 0.5}, torch::kDouble);
    w.mutable_grad() = torch::zeros({1, 2}, torch::kDouble);
    lars.step();
    QVERIFY(std::abs(b[1].item<double>() - (2.0 - 0.25 - 0.5 * 0.95)) < 1e-12);
    // W's gradient is now just weight decay: g = 0.1 W, |g| = 0.1 |W|, so q = 0.001 / 0.1.
    const double w0 = 3.0 - 0.5 * 0.3 * q;
    const double w1 = 4.0 - 0.5 * 1.4 * q;
    const double mu0 = 0.9 * 0.3 * q + 0.1 * w0 * 0.01;
    QVERIFY(std::abs(w[0][0].item<double>() - (w0 - 0.5 * mu0)) < 1e-12);
    QVERIFY(std::abs(w[0][1].item<double>() - (w1 - 0.5 * (0.9 * 1.4 * q + 0.1 * w1 * 0.01))) < 1e-12);
  }

  void larsTrustRatioIsOneForAZeroNorm() {
    auto w = torch::zeros({2, 2}, torch::kDouble).requires_grad_();
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(std::vector<torch::Tensor>{w}, std::make_unique<LarsOptions>(LarsOptions(1.0)));
    Lars lars(std::move(groups), LarsOptions(0.0));
    w.mutable_grad() = torch::full({2, 2}, 2.0, torch::kDouble);
    lars.step();
    QVERIFY(torch::allclose(w, torch::full({2, 2}, -2.0, torch::kDouble)));
  }

  void larsTrainerStateRoundTrips() {
    auto options = tiny_trainer();
    options.optimizer = "lars";
    DinoTrainer trainer(options);
    trainer.step(crops(), 1, 1);
    auto& groups = trainer.optimizer().param_groups();
    QCOMPARE(static_cast<LarsOptions&>(groups[0].options()).weight_decay(), trainer.wd_schedule()[1]);
    QCOMPARE(static_cast<LarsOptions&>(groups[1].options()).weight_decay(), 0.0);
    auto saved = optimizer_state_to_py(trainer.optimizer(), "lars");
    DinoTrainer restored(options);
    restore_optimizer_state(restored.optimizer(), "lars", saved);
    const auto& p = trainer.optimizer().param_groups()[0].params()[0];
    const auto& q = restored.optimizer().param_groups()[0].params()[0];
    auto& original_mu = static_cast<LarsParamState&>(*trainer.optimizer().state().at(p.unsafeGetTensorImpl())).mu();
    auto& restored_mu = static_cast<LarsParamState&>(*restored.optimizer().state().at(q.unsafeGetTensorImpl())).mu();
    QVERIFY(original_mu.abs().sum().item<double>() > 0);
    QVERIFY(torch::equal(original_mu, restored_mu));
  }

  // reference.md §1.4: with BatchNorm in the head the teacher stays in train mode, so its running
  // statistics follow its own batches while its weights follow the EMA.
  void batchNormHeadTrainsAndTeacherKeepsItsOwnStatistics() {
    auto options = tiny_trainer();
    options.head.use_bn = true;
    DinoTrainer trainer(options);
    auto teacher_state = trainer.teacher->named_buffers();
    auto* running_mean = teacher_state.find("head.mlp.1.running_mean");
    QVERIFY2(running_mean, "the teacher head has a BatchNorm after its first linear layer");
    const auto before = running_mean->clone();
    auto result = trainer.step(crops(), 1, 1);
    QVERIFY(result.finite);
    QVERIFY(!torch::equal(*running_mean, before));
    QCOMPARE(trainer.teacher->named_buffers().find("head.mlp.1.num_batches_tracked")->item<int64_t>(), int64_t{1});
  }

  // A run keeps freed host memory for its trainer's next step: a block far over glibc's largest mmap
  // threshold (32 MiB) comes from the heap, not a mapping of its own, and stays there once freed
  // until the run hands it back. (Asserted through the heap's own accounting, which does not
  // depend on the machine; the resident set does.)
  void trainerKeepsFreedHostMemoryForTheNextStep() {
    if (host_heap_figures().free_bytes < 0) QSKIP("not glibc");
    keep_freed_host_memory();  // what a run asks for before it builds its trainer
    DinoTrainer trainer(tiny_trainer());
    constexpr int64_t block = int64_t{96} << 20;
    const auto before = host_heap_figures();
    {
      auto big = torch::ones({block / 4});
      const auto during = host_heap_figures();
      QCOMPARE(during.mapped_bytes, before.mapped_bytes);
    }
    const auto freed = host_heap_figures();
    QVERIFY2(freed.free_bytes >= block, std::to_string(freed.free_bytes).c_str());
    QVERIFY(release_freed_host_memory());  // handed back when the run asks
  }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
