// The ViT against the reference specification (reference.md §2): shapes, parameter counts, key names,
// initialisation, position-encoding interpolation, attention paths and stochastic depth.
#include <dino/io/state_dict.h>
#include <dino/model/vision_transformer.h>

#include <QtTest>
#include <torch/torch.h>

#include <cmath>

using namespace dino;

namespace {

// PyTorch's cubic convolution weights (upsample_bicubic2d uses A = -0.75).
double cubic_weight(double x) {
  constexpr double A = -0.75;
  x = std::abs(x);
  if (x <= 1.0) return ((A + 2) * x - (A + 3)) * x * x + 1;
  if (x < 2.0) return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
  return 0.0;
}

// Bicubic resampling of one channel, align_corners=False, source = (dst + 0.5) * step - 0.5 with
// indices clamped to the border, written out by hand from the definition.
double bicubic_at(const std::vector<std::vector<double>>& grid, double src_y, double src_x) {
  const int n = static_cast<int>(grid.size());
  const int y0 = static_cast<int>(std::floor(src_y));
  const int x0 = static_cast<int>(std::floor(src_x));
  double value = 0;
  for (int i = -1; i <= 2; ++i) {
    for (int j = -1; j <= 2; ++j) {
      const int yy = std::clamp(y0 + i, 0, n - 1);
      const int xx = std::clamp(x0 + j, 0, n - 1);
      value += cubic_weight(src_y - (y0 + i)) * cubic_weight(src_x - (x0 + j)) * grid[yy][xx];
    }
  }
  return value;
}

VitConfig tiny_config(int64_t depth = 2) {
  VitConfig config = *vit_preset("vit_tiny", 16);
  config.depth = depth;
  return config;
}

}  // namespace

class TestVisionTransformer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { torch::manual_seed(0); }

  void parameterCounts_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("patch");
    QTest::addColumn<qlonglong>("expected");
    // reference.md §2.1
    QTest::newRow("vit_tiny/16") << "vit_tiny" << 16 << 5524416LL;
    QTest::newRow("vit_small/16") << "vit_small" << 16 << 21665664LL;
    QTest::newRow("vit_small/8") << "vit_small" << 8 << 21670272LL;
    QTest::newRow("vit_base/16") << "vit_base" << 16 << 85798656LL;
    QTest::newRow("vit_base/8") << "vit_base" << 8 << 85807872LL;
  }
  void parameterCounts() {
    QFETCH(QString, arch);
    QFETCH(int, patch);
    QFETCH(qlonglong, expected);
    auto config = vit_preset(arch.toStdString(), patch);
    QVERIFY(config.has_value());
    QCOMPARE(vit_parameter_count(*config), expected);
    VisionTransformer model(*config);
    int64_t count = 0;
    for (const auto& p : model->parameters()) count += p.numel();
    QCOMPARE(count, expected);
  }

  void stateDictMatchesReferenceLayout() {
    VisionTransformer model(*vit_preset("vit_small", 16));
    auto sd = io::module_state_dict(*model);
    QCOMPARE(sd.size(), size_t{150});  // reference.md §8.1
    std::vector<std::string> expected{"cls_token", "pos_embed", "patch_embed.proj.weight", "patch_embed.proj.bias"};
    for (int i = 0; i < 12; ++i) {
      const std::string b = "blocks." + std::to_string(i) + ".";
      for (const char* name : {"norm1.weight", "norm1.bias", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight",
                               "attn.proj.bias", "norm2.weight", "norm2.bias", "mlp.fc1.weight", "mlp.fc1.bias",
                               "mlp.fc2.weight", "mlp.fc2.bias"})
        expected.push_back(b + name);
    }
    expected.push_back("norm.weight");
    expected.push_back("norm.bias");
    QCOMPARE(sd.keys(), expected);
    QCOMPARE(sd["pos_embed"].sizes().vec(), (std::vector<int64_t>{1, 197, 384}));
    QCOMPARE(sd["patch_embed.proj.weight"].sizes().vec(), (std::vector<int64_t>{384, 3, 16, 16}));
    QCOMPARE(sd["blocks.3.attn.qkv.weight"].sizes().vec(), (std::vector<int64_t>{1152, 384}));
    QCOMPARE(sd["blocks.3.mlp.fc1.weight"].sizes().vec(), (std::vector<int64_t>{1536, 384}));
    QCOMPARE(sd["blocks.3.mlp.fc2.weight"].sizes().vec(), (std::vector<int64_t>{384, 1536}));
  }

  void layerNormUsesReferenceEpsilon() {
    VisionTransformer model(tiny_config(1));
    // Two features 1e-3 apart: variance 2.5e-7, so eps 1e-6 gives +-0.5e-3 / sqrt(1.25e-6) = +-0.4472136
    // while LibTorch's default 1e-5 would give +-0.156.
    auto x = torch::zeros({1, 192});
    x.index_put_({0, torch::indexing::Slice(0, 96)}, 1e-3);
    auto y = model->norm->forward(x);
    QVERIFY(std::abs(y[0][0].item<double>() - 0.4472136) < 1e-4);
    QVERIFY(std::abs(y[0][100].item<double>() + 0.4472136) < 1e-4);
  }

  void mlpUsesExactGelu() {
    VisionTransformer model(tiny_config(1));
    auto block = model->blocks->ptr<TransformerBlockImpl>(0);
    auto x = torch::randn({2, 5, 192});
    auto hidden = torch::nn::functional::linear(x, block->mlp->fc1->weight, block->mlp->fc1->bias);
    // GELU's erf form, x * Phi(x), written out; the tanh approximation differs by up to ~1e-3.
    auto gelu = hidden * 0.5 * (1.0 + torch::erf(hidden / std::sqrt(2.0)));
    auto expected = torch::nn::functional::linear(gelu, block->mlp->fc2->weight, block->mlp->fc2->bias);
    QVERIFY(torch::allclose(block->mlp->forward(x), expected, 1e-5, 1e-6));
  }

  void initialisationFollowsReference() {
    VisionTransformer model(*vit_preset("vit_small", 16));
    auto std_of = [](const torch::Tensor& t) { return t.std().item<double>(); };
    QVERIFY(std::abs(std_of(model->pos_embed) - 0.02) < 0.002);
    QVERIFY(std::abs(std_of(model->cls_token) - 0.02) < 0.006);  // 384 samples only
    auto block = model->blocks->ptr<TransformerBlockImpl>(5);
    QVERIFY(std::abs(std_of(block->attn->qkv->weight) - 0.02) < 0.001);
    QCOMPARE(block->attn->qkv->bias.abs().max().item<double>(), 0.0);
    QCOMPARE(block->mlp->fc2->bias.abs().max().item<double>(), 0.0);
    QCOMPARE(block->norm1->weight.min().item<double>(), 1.0);
    // The patch embedding keeps PyTorch's default: U(+-1/sqrt(fan_in)), fan_in = 3*16*16.
    const double bound = 1.0 / std::sqrt(768.0);
    const double max_weight = model->patch_embed->proj->weight.abs().max().item<double>();
    QVERIFY(max_weight <= bound && max_weight > 0.95 * bound);
    QVERIFY(std::abs(std_of(model->patch_embed->proj->weight) - bound / std::sqrt(3.0)) < 0.002);
  }

  void positionEncodingIsIdentityAtNativeSize() {
    VisionTransformer model(tiny_config(1));
    auto pos = model->interpolate_pos_encoding(196, 224, 224);
    QVERIFY(pos.is_same(model->pos_embed));
  }

  void positionEncodingSamplingGridAt96() {
    VisionTransformer model(tiny_config(1));
    {
      torch::NoGradGuard no_grad;
      model->pos_embed.normal_();
    }
    auto pos = model->interpolate_pos_encoding(36, 96, 96);
    QCOMPARE(pos.sizes().vec(), (std::vector<int64_t>{1, 37, 192}));
    QVERIFY(torch::equal(pos[0][0], model->pos_embed[0][0]));  // the class embedding passes through
    // reference.md §2.2: scale factor 6.1/14, so the source step is 14/6.1 = 2.29508, not 14/6.
    const double step = 14.0 / 6.1;
    double worst = 0, worst_size_based = 0;
    for (int channel : {0, 77, 191}) {
      std::vector<std::vector<double>> grid(14, std::vector<double>(14));
      for (int r = 0; r < 14; ++r)
        for (int c = 0; c < 14; ++c) grid[r][c] = model->pos_embed[0][1 + r * 14 + c][channel].item<double>();
      for (int r = 0; r < 6; ++r) {
        for (int c = 0; c < 6; ++c) {
          const double expected = bicubic_at(grid, (r + 0.5) * step - 0.5, (c + 0.5) * step - 0.5);
          const double size_based = bicubic_at(grid, (r + 0.5) * 14.0 / 6.0 - 0.5, (c + 0.5) * 14.0 / 6.0 - 0.5);
          const double actual = pos[0][1 + r * 6 + c][channel].item<double>();
          worst = std::max(worst, std::abs(actual - expected));
          worst_size_based = std::max(worst_size_based, std::abs(actual - size_based));
        }
      }
    }
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
    QVERIFY2(worst_size_based > 1e-2, "the grid must differ from the size-based one");
  }

  void nonSquareInputWithNativePatchCountIsInterpolated() {
    VisionTransformer model(tiny_config(1));
    // 112 x 448 has 7 x 28 = 196 patches, the native count, yet the reference interpolates it.
    auto pos = model->interpolate_pos_encoding(196, 112, 448);
    QCOMPARE(pos.size(1), int64_t{197});
    QVERIFY(!torch::allclose(pos, model->pos_embed));
    auto tokens = model->prepare_tokens(torch::randn({1, 3, 112, 448}));
    QCOMPARE(tokens.sizes().vec(), (std::vector<int64_t>{1, 197, 192}));
  }

  void fusedAndExplicitAttentionAgree() {
    VisionTransformer model(tiny_config(1));
    auto block = model->blocks->ptr<TransformerBlockImpl>(0);
    auto x = torch::randn({3, 50, 192});
    auto fused = block->attn->forward(x);
    auto [explicit_out, attention] = block->attn->forward_with_attention(x);
    QVERIFY(torch::allclose(fused, explicit_out, 1e-5, 1e-5));
    QCOMPARE(attention.sizes().vec(), (std::vector<int64_t>{3, 3, 50, 50}));
    QVERIFY(torch::allclose(attention.sum(-1), torch::ones({3, 3, 50}), 1e-5, 1e-5));
    QCOMPARE(block->attn->scale(), 0.125);
  }

  void lastSelfAttentionRowsSumToOne() {
    VisionTransformer model(tiny_config(3));
    model->eval();
    auto attention = model->get_last_selfattention(torch::randn({2, 3, 64, 48}));
    QCOMPARE(attention.sizes().vec(), (std::vector<int64_t>{2, 3, 13, 13}));
    QVERIFY(torch::allclose(attention.sum(-1), torch::ones({2, 3, 13}), 1e-5, 1e-5));
    QVERIFY(attention.min().item<double>() >= 0.0);
  }

  void forwardReturnsNormedClsAndIntermediateLayersInOrder() {
    VisionTransformer model(tiny_config(3));
    model->eval();
    auto images = torch::randn({2, 3, 32, 32});
    auto cls = model->forward(images);
    auto layers = model->get_intermediate_layers(images, 2);
    QCOMPARE(layers.size(), size_t{2});
    QVERIFY(torch::allclose(cls, layers[1].index({torch::indexing::Slice(), 0}), 1e-6, 1e-6));
    // The first of the two is norm() after block 1 (of 0..2): run the blocks by hand.
    auto x = model->prepare_tokens(images);
    x = model->blocks->ptr<TransformerBlockImpl>(0)->forward(x);
    x = model->blocks->ptr<TransformerBlockImpl>(1)->forward(x);
    QVERIFY(torch::allclose(layers[0], model->norm->forward(x), 1e-6, 1e-6));
  }

  void dropPathRatesIncreaseLinearly() {
    VitConfig config = *vit_preset("vit_small", 16);
    config.drop_path_rate = 0.1;
    VisionTransformer student(config);
    for (size_t i = 0; i < 12; ++i)
      QVERIFY(std::abs(student->blocks->ptr<TransformerBlockImpl>(i)->drop_path_rate() - 0.1 * i / 11.0) < 1e-12);
    VisionTransformer teacher(*vit_preset("vit_small", 16));
    for (size_t i = 0; i < 12; ++i) QCOMPARE(teacher->blocks->ptr<TransformerBlockImpl>(i)->drop_path_rate(), 0.0);
  }

  void dropPathKeepsWholeSamples() {
    auto branch = torch::ones({20000, 4, 3});
    auto out = drop_path(branch, 0.25, /*training=*/true);
    // Per sample: all zeros or all 1 / 0.75.
    auto per_sample_min = std::get<0>(out.flatten(1).min(1));
    auto per_sample_max = std::get<0>(out.flatten(1).max(1));
    QVERIFY(torch::equal(per_sample_min, per_sample_max));
    auto kept = (per_sample_max > 0).to(torch::kDouble).mean().item<double>();
    QVERIFY(std::abs(kept - 0.75) < 0.015);  // 5 sigma of a binomial(20000, 0.75) mean
    QVERIFY(std::abs(per_sample_max.max().item<double>() - 1.0 / 0.75) < 1e-6);
    QVERIFY(torch::equal(drop_path(branch, 0.25, /*training=*/false), branch));
  }

  void rejectsImagesSmallerThanAPatch() {
    VisionTransformer model(tiny_config(1));
    bool threw = false;
    try {
      model->forward(torch::randn({1, 3, 8, 40}));
    } catch (const c10::Error& e) {
      threw = QString::fromUtf8(e.what()).contains("smaller than one 16-pixel patch");
    }
    QVERIFY(threw);
  }
};

QTEST_GUILESS_MAIN(TestVisionTransformer)
#include "test_vision_transformer.moc"
