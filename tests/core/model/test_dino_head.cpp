// The DINO head and the multi-crop wrapper against reference.md §2.4 and §3.1.
#include <dino/io/state_dict.h>
#include <dino/model/multi_crop_wrapper.h>

#include <QtTest>
#include <torch/torch.h>

using namespace dino;

namespace {

DinoHeadOptions small_head(bool use_bn = false, int64_t nlayers = 3, bool norm_last_layer = true) {
  DinoHeadOptions o;
  o.in_dim = 24;
  o.out_dim = 40;
  o.hidden_dim = 32;
  o.bottleneck_dim = 8;
  o.use_bn = use_bn;
  o.nlayers = nlayers;
  o.norm_last_layer = norm_last_layer;
  return o;
}

}  // namespace

class TestDinoHead : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { torch::manual_seed(1); }

  void stateDictKeys() {
    DinoHead plain(small_head());
    QCOMPARE(io::module_state_dict(*plain).keys(),
             (std::vector<std::string>{"mlp.0.weight", "mlp.0.bias", "mlp.2.weight", "mlp.2.bias", "mlp.4.weight",
                                       "mlp.4.bias", "last_layer.weight_g", "last_layer.weight_v"}));
    DinoHead with_bn(small_head(true));
    const auto keys = io::module_state_dict(*with_bn).keys();
    QCOMPARE(keys.size(), size_t{18});
    QCOMPARE(keys[2], std::string("mlp.1.weight"));
    QCOMPARE(keys[6], std::string("mlp.1.num_batches_tracked"));
    QCOMPARE(keys[7], std::string("mlp.3.weight"));
    QCOMPARE(keys[14], std::string("mlp.6.weight"));
    DinoHead single(small_head(false, 1));
    QCOMPARE(io::module_state_dict(*single).keys(),
             (std::vector<std::string>{"mlp.weight", "mlp.bias", "last_layer.weight_g", "last_layer.weight_v"}));
  }

  void lastLayerInitAndFreezing() {
    DinoHeadOptions options;  // the reference's sizes: 256 -> 65536
    options.in_dim = 384;
    DinoHead head(options);
    QCOMPARE(head->last_layer->weight_g.sizes().vec(), (std::vector<int64_t>{65536, 1}));
    QCOMPARE(head->last_layer->weight_g.min().item<double>(), 1.0);
    QCOMPARE(head->last_layer->weight_g.max().item<double>(), 1.0);
    QVERIFY(!head->last_layer->weight_g.requires_grad());
    // weight_v keeps PyTorch's default Linear init: U(+-1/sqrt(256)) = U(+-1/16).
    const double max_v = head->last_layer->weight_v.abs().max().item<double>();
    QVERIFY(max_v <= 1.0 / 16 && max_v > 0.99 / 16);
    // The MLP's Linears are trunc_normal(0.02) with zero bias.
    auto first = head->mlp_layers->ptr<torch::nn::LinearImpl>(0);
    QVERIFY(std::abs(first->weight.std().item<double>() - 0.02) < 0.001);
    QCOMPARE(first->bias.abs().max().item<double>(), 0.0);
    DinoHead trainable(small_head(false, 3, /*norm_last_layer=*/false));
    QVERIFY(trainable->last_layer->weight_g.requires_grad());
  }

  void outputsAreCosineSimilarities() {
    DinoHead head(small_head());
    auto x = torch::randn({6, 24});
    auto logits = head->forward(x);
    QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{6, 40}));
    // With g = 1 each logit is the cosine between the bottleneck vector and a prototype row.
    auto z = head->mlp_layers->forward(x);
    auto v = head->last_layer->weight_v;
    auto expected = torch::matmul(z / z.norm(2, -1, true), (v / v.norm(2, -1, true)).t());
    QVERIFY(torch::allclose(logits, expected, 1e-5, 1e-6));
    QVERIFY(logits.abs().max().item<double>() <= 1.0 + 1e-6);
    QVERIFY(torch::allclose(head->embed(x).norm(2, -1), torch::ones({6}), 1e-6, 1e-6));
    {
      torch::NoGradGuard no_grad;
      head->last_layer->weight_g.fill_(2.0);
    }
    QVERIFY(torch::allclose(head->forward(x), 2 * expected, 1e-5, 1e-6));
  }

  void multiCropWrapperMatchesSeparateCalls() {
    VitConfig config = *vit_preset("vit_tiny", 8);
    config.depth = 1;
    auto options = small_head();
    options.in_dim = 192;
    MultiCropWrapper wrapper{VisionTransformer(config), DinoHead(options)};
    wrapper->eval();
    std::vector<torch::Tensor> crops{torch::randn({2, 3, 32, 32}), torch::randn({2, 3, 32, 32}),
                                     torch::randn({2, 3, 16, 16}), torch::randn({2, 3, 16, 16}),
                                     torch::randn({2, 3, 16, 16})};
    auto out = wrapper->forward(crops);
    QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{10, 40}));
    std::vector<torch::Tensor> separate;
    for (const auto& crop : crops) separate.push_back(wrapper->head->forward(wrapper->backbone->forward(crop)));
    QVERIFY(torch::allclose(out, torch::cat(separate), 1e-5, 1e-5));
  }
};

QTEST_GUILESS_MAIN(TestDinoHead)
#include "test_dino_head.moc"
