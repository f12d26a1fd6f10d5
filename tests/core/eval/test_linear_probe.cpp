// The linear probe (reference.md §5.2) against a fixture PyTorch computed the reference's way
// (tests/python/make_linear_probe_fixture.py): the same features, initial weights and epoch
// orders give the same classifier, losses and accuracies after each of two epochs; the feature
// layout (CLS of the last n blocks, the interleaved mean patch token) against the blocks' outputs.
#include <dino/eval/linear_probe.h>
#include <dino/eval/linear_probe_checkpoint.h>
#include <dino/io/torch_file.h>
#include <dino/model/vision_transformer.h>

#include <QTemporaryDir>
#include <QtTest>
#include <torch/torch.h>

using namespace dino;

namespace {

const io::PyValue& entry(const io::PyValue& fixture, const std::string& key) {
  const io::PyValue* value = fixture.as_dict().find(key);
  if (!value) throw std::runtime_error("fixture lacks " + key);
  return *value;
}

}  // namespace

class TestLinearProbe : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchesTheReferenceTraining() {
    const io::PyValue fixture = io::load_torch_file(DINO_LINEAR_PROBE_FIXTURE);
    const auto tensor = [&](const std::string& key) { return entry(fixture, key).as_tensor(); };
    const auto number = [&](const std::string& key) { return entry(fixture, key).as_double(); };
    const torch::Tensor train = tensor("train"), train_labels = tensor("train_labels");
    const torch::Tensor val = tensor("val"), val_labels = tensor("val_labels");
    const int64_t epochs = entry(fixture, "epochs").as_int();
    const int64_t batch = entry(fixture, "batch_size").as_int();
    const double lr = number("lr");

    torch::nn::Linear classifier = make_linear_classifier(train.size(1), tensor("weight_init").size(0));
    {
      torch::NoGradGuard no_grad;
      classifier->weight.copy_(tensor("weight_init"));
      classifier->bias.copy_(tensor("bias_init"));
    }
    torch::optim::SGD optimizer(classifier->parameters(), torch::optim::SGDOptions(lr).momentum(0.9).weight_decay(0));
    for (int64_t epoch = 0; epoch < epochs; ++epoch) {
      const std::string e = std::to_string(epoch);
      // DistributedSampler's order on one process, drawn as torch.randperm does.
      const std::vector<int64_t> order = linear_probe_order(train.size(0), epoch);
      QVERIFY(torch::equal(torch::tensor(order, torch::kLong), tensor("order" + e)));
      const double epoch_lr = linear_probe_lr(lr, epoch, epochs);
      QVERIFY(std::abs(epoch_lr - number("lr" + e)) < 1e-12);
      static_cast<torch::optim::SGDOptions&>(optimizer.param_groups()[0].options()).lr(epoch_lr);
      const double loss = train_linear_epoch(classifier, optimizer, train, train_labels, order, batch);
      QVERIFY2(std::abs(loss - number("train_loss" + e)) < 1e-4, qPrintable(QString::number(loss)));
      QVERIFY2(torch::allclose(classifier->weight, tensor("weight" + e), 1e-4, 1e-5),
               ("weights after epoch " + e).c_str());
      QVERIFY(torch::allclose(classifier->bias, tensor("bias" + e), 1e-4, 1e-5));
      const LinearProbeAccuracy accuracy = evaluate_linear(classifier, val, val_labels);
      QCOMPARE(accuracy.top1, number("top1_" + e));
      QVERIFY(accuracy.has_top5);
      QCOMPARE(accuracy.top5, number("top5_" + e));
      QVERIFY(std::abs(accuracy.loss - number("val_loss" + e)) < 1e-4);
    }
  }

  // Two epochs, the checkpoint written to disk and read back into a fresh classifier and optimizer,
  // then the third: the same weights as three epochs straight (the fixture's), so the momentum
  // buffers, the epoch count and the lr of the resumed epoch all come back.
  void resumeEqualsAnUninterruptedRun() {
    const io::PyValue fixture = io::load_torch_file(DINO_LINEAR_PROBE_FIXTURE);
    const auto tensor = [&](const std::string& key) { return entry(fixture, key).as_tensor(); };
    const torch::Tensor train = tensor("train"), train_labels = tensor("train_labels");
    const int64_t epochs = entry(fixture, "epochs").as_int(), batch = entry(fixture, "batch_size").as_int();
    const double lr = entry(fixture, "lr").as_double();
    QVERIFY(epochs >= 3);
    const auto fresh = [&] {
      torch::nn::Linear classifier = make_linear_classifier(train.size(1), tensor("weight_init").size(0));
      torch::NoGradGuard no_grad;
      classifier->weight.copy_(tensor("weight_init"));
      classifier->bias.copy_(tensor("bias_init"));
      return classifier;
    };
    const auto run_epoch = [&](torch::nn::Linear& classifier, torch::optim::SGD& optimizer, int64_t epoch) {
      static_cast<torch::optim::SGDOptions&>(optimizer.param_groups()[0].options())
          .lr(linear_probe_lr(lr, epoch, epochs));
      train_linear_epoch(classifier, optimizer, train, train_labels, linear_probe_order(train.size(0), epoch), batch);
    };
    torch::nn::Linear first = fresh();
    torch::optim::SGD first_sgd(first->parameters(), torch::optim::SGDOptions(lr).momentum(0.9));
    for (int64_t epoch = 0; epoch < epochs - 1; ++epoch) run_epoch(first, first_sgd, epoch);
    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("checkpoint.pth.tar").toStdString();
    io::save_torch_file(file, linear_probe_checkpoint(first, first_sgd, lr, epochs, epochs - 1, 12.5, {1, true}));

    const io::PyValue saved = io::load_torch_file(file);
    QCOMPARE(require_entry(saved, "epoch", file).as_int(), epochs - 1);
    QCOMPARE(require_entry(saved, "best_acc", file).as_double(), 12.5);
    // The group's lr is the next epoch's, as after scheduler.step().
    const io::PyValue& group = require_entry(require_entry(saved, "optimizer", file), "param_groups", file).items()[0];
    QCOMPARE(group.as_dict().find("lr")->as_double(), linear_probe_lr(lr, epochs - 1, epochs));
    torch::nn::Linear second = make_linear_classifier(train.size(1), tensor("weight_init").size(0));
    torch::optim::SGD second_sgd(second->parameters(), torch::optim::SGDOptions(lr).momentum(0.9));
    load_linear_classifier(second, saved, file);
    restore_linear_momentum(second_sgd, second, saved, file);
    run_epoch(second, second_sgd, epochs - 1);
    const std::string last = std::to_string(epochs - 1);
    QVERIFY(torch::allclose(second->weight, tensor("weight" + last), 1e-4, 1e-5));
    QVERIFY(torch::allclose(second->bias, tensor("bias" + last), 1e-4, 1e-5));
    // Without the momentum the third epoch would differ: the check above can fail.
    torch::nn::Linear forgetful = make_linear_classifier(train.size(1), tensor("weight_init").size(0));
    torch::optim::SGD forgetful_sgd(forgetful->parameters(), torch::optim::SGDOptions(lr).momentum(0.9));
    load_linear_classifier(forgetful, saved, file);
    run_epoch(forgetful, forgetful_sgd, epochs - 1);
    QVERIFY(!torch::allclose(forgetful->weight, tensor("weight" + last), 1e-4, 1e-5));
    // A classifier of another shape is refused, naming the flags that decide it.
    torch::nn::Linear wider = make_linear_classifier(2 * train.size(1), tensor("weight_init").size(0));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, load_linear_classifier(wider, saved, file));
  }

  // Features: CLS tokens of the last n blocks, earliest first; with the mean patch token, CLS and
  // mean alternate coordinate by coordinate.
  void featureLayout() {
    torch::manual_seed(3);
    VitConfig config;
    config.img_size = 32;
    config.patch_size = 8;
    config.embed_dim = 12;
    config.depth = 3;
    config.num_heads = 3;
    VisionTransformer vit(config);
    vit->eval();
    torch::NoGradGuard no_grad;
    const torch::Tensor images = torch::randn({2, 3, 32, 32});
    const auto outs = vit->get_intermediate_layers(images, 2);
    const torch::Tensor two = linear_probe_features(vit, images, 2, false);
    QCOMPARE(two.size(1), linear_probe_dim(12, 2, false));
    QVERIFY(torch::equal(two.slice(1, 0, 12), outs[0].select(1, 0)));
    QVERIFY(torch::equal(two.slice(1, 12, 24), outs[1].select(1, 0)));
    const torch::Tensor pooled = linear_probe_features(vit, images, 1, true);
    QCOMPARE(pooled.size(1), linear_probe_dim(12, 1, true));
    const torch::Tensor last = vit->get_intermediate_layers(images, 1)[0];
    const torch::Tensor mean = last.slice(1, 1).mean(1);
    for (int64_t j = 0; j < 12; ++j) {
      QVERIFY(torch::equal(pooled.select(1, 2 * j), last.select(1, 0).select(1, j)));
      QVERIFY(torch::allclose(pooled.select(1, 2 * j + 1), mean.select(1, j)));
    }
  }

  // The classifier starts as LinearClassifier does: N(0, 0.01^2) weights, zero bias.
  void classifierInitialisation() {
    torch::manual_seed(0);
    const torch::nn::Linear linear = make_linear_classifier(384, 1000);
    QCOMPARE(linear->bias.abs().max().item<double>(), 0.0);
    const double std = linear->weight.std().item<double>();
    QVERIFY2(std::abs(std - 0.01) < 0.0002, qPrintable(QString::number(std)));  // 384,000 draws
    QVERIFY(std::abs(linear->weight.mean().item<double>()) < 0.0002);
  }
};

QTEST_MAIN(TestLinearProbe)
#include "test_linear_probe.moc"
