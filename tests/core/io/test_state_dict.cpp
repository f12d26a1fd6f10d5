// State-dict handling: the reference's key rewriting (reference.md §3.8), load reports, and the ViT that
// tensor shapes imply.
#include <dino/io/state_dict.h>
#include <dino/io/torch_file.h>
#include <dino/model/vision_transformer.h>

#include <QTemporaryDir>
#include "error_of.h"

#include <QtTest>
#include <torch/torch.h>

using namespace dino;
using dino::io::PyValue;

namespace {

io::StateDict backbone_of(const VitConfig& config) { return io::module_state_dict(*VisionTransformer(config)); }

}  // namespace

class TestStateDict : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void prefixesAreRemovedAnywhereInKeys() {
    QTemporaryDir dir;
    auto sd = backbone_of(*vit_preset("vit_tiny", 16));
    auto file = PyValue::dict();
    file.as_dict().set(PyValue::string("teacher"), io::state_dict_to_py(sd, "module.backbone."));
    auto head = PyValue::dict();
    file.as_dict().set(PyValue::string("epoch"), PyValue::integer(1));
    const auto path = dir.filePath("ckpt.pth").toStdString();
    io::save_torch_file(path, file);
    auto weights = io::load_pretrained_weights(path, "teacher");
    QCOMPARE(weights.checkpoint_key, std::string("teacher"));
    QCOMPARE(weights.state_dict.keys(), sd.keys());
  }

  void inferArchitectureFromShapes_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("patch");
    QTest::addColumn<int>("heads");
    QTest::newRow("vit_small/8") << "vit_small" << 8 << 6;
    QTest::newRow("vit_base/16") << "vit_base" << 16 << 12;
    QTest::newRow("vit_tiny/14") << "vit_tiny" << 14 << 3;
  }
  void inferArchitectureFromShapes() {
    QFETCH(QString, arch);
    QFETCH(int, patch);
    QFETCH(int, heads);
    auto preset = *vit_preset(arch.toStdString(), patch);
    preset.img_size = 224 / patch * patch;
    const auto inferred = io::infer_vit_config(backbone_of(preset));
    QCOMPARE(inferred.patch_size, int64_t(patch));
    QCOMPARE(inferred.num_heads, int64_t(heads));
    QCOMPARE(inferred.depth, int64_t{12});
    QCOMPARE(inferred.mlp_ratio, 4.0);
    QCOMPARE(QString::fromStdString(vit_arch_name(inferred)), arch);
    QCOMPARE(inferred.img_size, preset.img_size);
  }

  void headCountComesFromTheCheckpointsArgs() {
    // Width 96 with 3 heads: shapes alone cannot tell the heads (96 is no multiple of 64).
    VitConfig custom = *vit_preset("vit_tiny", 4);
    custom.embed_dim = 96;
    custom.num_heads = 3;
    custom.depth = 1;
    custom.img_size = 28;
    QTemporaryDir dir;
    auto file = PyValue::dict();
    file.as_dict().set(PyValue::string("teacher"), io::state_dict_to_py(backbone_of(custom), "backbone."));
    auto args = PyValue::dict();
    args.as_dict().set(PyValue::string("num_heads"), PyValue::integer(3));
    file.as_dict().set(PyValue::string("args"), args);
    const auto path = dir.filePath("ours.pth").toStdString();
    io::save_torch_file(path, file);
    auto weights = io::load_pretrained_weights(path);
    QCOMPARE(io::infer_vit_config(weights.state_dict).num_heads, int64_t{1});
    const auto config = io::infer_vit_config(weights, path);
    QCOMPARE(config.num_heads, int64_t{3});
    QCOMPARE(config.embed_dim, int64_t{96});
  }

  void inferenceNamesMissingKeys() {
    auto sd = backbone_of(*vit_preset("vit_tiny", 16));
    io::StateDict partial;
    for (const auto& item : sd)
      if (item.key() != "patch_embed.proj.weight") partial.insert(item.key(), item.value());
    const QString error = error_of([&] { io::infer_vit_config(partial, "w.pth"); });
    QVERIFY2(error.contains("w.pth") && error.contains("patch_embed.proj.weight"), qPrintable(error));
  }

  void reportsMissingAndUnexpectedKeys() {
    VitConfig config = *vit_preset("vit_tiny", 16);
    config.depth = 2;
    auto sd = backbone_of(config);
    io::StateDict file;
    for (const auto& item : sd)
      if (item.key() != "norm.bias") file.insert(item.key(), item.value() + 1);
    file.insert("head.mlp.0.weight", torch::zeros({4, 4}));
    VisionTransformer model(config);
    auto report = io::load_state_dict(*model, file, /*strict=*/false);
    QCOMPARE(report.missing, std::vector<std::string>{"norm.bias"});
    QCOMPARE(report.unexpected, std::vector<std::string>{"head.mlp.0.weight"});
    QCOMPARE(report.loaded.size(), sd.size() - 1);
    QVERIFY(torch::equal(model->pos_embed, file["pos_embed"]));
    const QString strict = error_of([&] { io::load_state_dict(*model, file, /*strict=*/true, "f.pth"); });
    QVERIFY2(strict.contains("norm.bias") && strict.contains("head.mlp.0.weight"), qPrintable(strict));
  }

  void shapeMismatchIsAnErrorNamingTheKeys() {
    VitConfig small = *vit_preset("vit_small", 16);
    small.depth = 1;
    VitConfig tiny = *vit_preset("vit_tiny", 16);
    tiny.depth = 1;
    VisionTransformer model(tiny);
    const auto before = model->pos_embed.clone();
    const QString error = error_of([&] { io::load_state_dict(*model, backbone_of(small), false, "small.pth"); });
    QVERIFY2(error.contains("small.pth") && error.contains("pos_embed") && error.contains("384"), qPrintable(error));
    QVERIFY(torch::equal(model->pos_embed, before));  // nothing half-loaded
  }
};

QTEST_GUILESS_MAIN(TestStateDict)
#include "test_state_dict.moc"
