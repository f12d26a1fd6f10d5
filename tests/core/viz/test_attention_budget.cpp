// The attention budget against hand computations: the input size each request gives (torchvision's
// Resize rule, the 8192 px cap, whole patches), the default size that follows the model, the cost
// formula on a small shape, and the refusal with the largest input that fits; then the model's
// compute refusing past its limits and stopping when cancelled.
#include <dino/api/attention_model.h>
#include <dino/viz/attention_budget.h>

#include <QtTest>

using namespace dino;

namespace {

AttentionRequest sized(std::vector<int> image_size) {
  AttentionRequest r;
  r.image_size = std::move(image_size);
  return r;
}

}  // namespace

class TestAttentionBudget : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void defaultSideFollowsTheModel() {
    QCOMPARE(default_attention_side({12, 6, 384, 1536, 16, 224}), 480);  // the reference's
    QCOMPARE(default_attention_side({12, 6, 384, 1536, 8, 224}), 480);
    QCOMPARE(default_attention_side({3, 3, 96, 384, 4, 28}), 28);  // the Fashion-MNIST demo's
    QCOMPARE(default_attention_side({12, 6, 384, 1536, 16, 96}), 96);
  }

  void inputSizeAsTheTransformMakesIt() {
    auto same = [](PixelSize a, int h, int w) { return a.height == h && a.width == w; };
    QVERIFY(same(attention_input_size(640, 480, {480, 480}, 16), 480, 480));
    QVERIFY(same(attention_input_size(640, 480, {240}, 16), 240, 320));    // shorter side 240, 640 * 240 / 480
    QVERIFY(same(attention_input_size(500, 700, {100}, 8), 136, 96));      // 700 * 100 / 500 = 140 -> 136; 100 -> 96
    QVERIFY(same(attention_input_size(640, 481, {}, 16), 480, 640));       // as it is, cropped to whole patches
    QVERIFY(same(attention_input_size(12000, 9000, {}, 16), 6144, 8192));  // capped at 8192: 9000 * 8192 / 12000
    QVERIFY(same(attention_input_size(20, 20, {}, 32), 0, 0));             // under one patch
  }

  void costByHand() {
    // depth 2, 2 heads, width 8, MLP 32, patch 4 on an 8 x 8 input: 4 patches, t = 5 tokens.
    const AttentionModelShape shape{2, 2, 8, 32, 4, 8};
    const auto cost = attention_cost(shape, {8, 8}, sized({8, 8}));
    QCOMPARE(cost.tokens, int64_t{5});
    // Per block 2 t d (4 d + 2 m) + 4 t^2 d = 80 * 96 + 800 = 8480; two blocks for the last layer;
    // the query row 2 t d = 80; pictures 40 * 64 px * (2 heads + 4) = 15360.
    QCOMPARE(cost.flops, 2 * 8480.0 + 80 + 15360);
    // t (8 d + 2 m) 4 = 2560 and the row h t 4 = 40; pixels 64 * (3 * 6 + 12 + 24) = 3456.
    QCOMPARE(cost.bytes, 2560.0 + 40 + 3456);
    AttentionRequest first = sized({8, 8});
    first.layer = 0;
    QCOMPARE(attention_cost(shape, {8, 8}, first).flops, 8480.0 + 80 + 15360);
    AttentionRequest rollout = sized({8, 8});
    rollout.rollout = true;  // + depth (2 t^2 d + 300 h t^2) = 2 (400 + 15000)
    QCOMPARE(attention_cost(shape, {8, 8}, rollout).flops, 2 * 8480.0 + 80 + 15360 + 2 * 15400);
  }

  void refusedWithTheLargestInputThatFits() {
    const AttentionModelShape shape{12, 6, 384, 1536, 4, 224};
    AttentionLimits limits;
    limits.flops_per_second = 1e11;
    limits.max_seconds = 5;
    const auto request = sized({480, 480});
    const auto e = estimate_attention(shape, 640, 480, request, limits);
    QVERIFY(!e.fits);
    QCOMPARE(e.cost.tokens, int64_t{1 + 120 * 120});
    QVERIFY2(e.why.find("14,400 patches") != std::string::npos, e.why.c_str());
    QVERIFY2(e.why.find("over the limit of 5 s") != std::string::npos, e.why.c_str());
    QCOMPARE(e.smaller_size.size(), size_t{2});  // a square stays a square
    QCOMPARE(e.smaller_size[0], e.smaller_size[1]);
    QCOMPARE(e.smaller_size[0] % 4, 0);
    const auto smaller = estimate_attention(shape, 640, 480, sized(e.smaller_size), limits);
    QVERIFY(smaller.fits);
    QVERIFY(smaller.seconds <= 5);
    const int next = e.smaller_size[0] + 4;  // one patch more no longer fits
    QVERIFY(!estimate_attention(shape, 640, 480, sized({next, next}), limits).fits);

    // A memory limit alone; the original size becomes a shorter side.
    AttentionLimits memory;
    memory.flops_per_second = 1e11;
    memory.max_bytes = 64e6;
    const auto original = estimate_attention(shape, 4000, 3000, sized({}), memory);
    QVERIFY(!original.fits);
    QVERIFY2(original.why.find("the original size") == 0, original.why.c_str());
    QCOMPARE(original.smaller_size.size(), size_t{1});
    QVERIFY(estimate_attention(shape, 4000, 3000, sized(original.smaller_size), memory).fits);
    QVERIFY(attention_cost(shape, original.smaller_input, sized(original.smaller_size)).bytes <= 64e6);

    // Nothing fits: no smaller size, and the refusal says so.
    memory.max_bytes = 1;
    const auto none = estimate_attention(shape, 640, 480, request, memory);
    QVERIFY(!none.fits && none.smaller_size.empty());
    QVERIFY(std::string(AttentionRefused(none).what()).find("no smaller input fits") != std::string::npos);
  }

  void modelRefusesAndCancels() {
    const auto model = AttentionModel::random("vit_tiny", 16);
    QCOMPARE(model->default_image_size(), (std::vector<int>{480, 480}));
    RgbImage image;
    image.width = image.height = 64;
    image.rgb.assign(64 * 64 * 3, 100);
    AttentionRequest request = sized({64, 64});
    AttentionLimits tight;
    tight.max_bytes = 1000;  // less than the input alone
    QVERIFY_THROWS_EXCEPTION(AttentionRefused, model->compute(image, request, tight));
    AttentionWork work;
    work.cancel = std::make_shared<std::atomic<bool>>(true);
    QVERIFY_THROWS_EXCEPTION(AttentionCancelled, model->compute(image, request, {}, work));
    const AttentionView view = model->compute(image, request);  // no limits, not cancelled
    QCOMPARE(view.grid_h, 4);
    QCOMPARE(view.heads, 3);
  }
};

QTEST_GUILESS_MAIN(TestAttentionBudget)
#include "test_attention_budget.moc"
