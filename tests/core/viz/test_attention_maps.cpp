// Attention maps and their pictures against hand computations: the CLS row on the patch grid
// (reference.md §4.1 step 5), the mass-threshold masks (step 6), the pass's rows and rollout against the
// whole attention matrices and rollout's definition, cancellation, the PCA
// colours, matplotlib's viridis end points, the mask overlay (alpha 0.5, pure red).
#include <dino/model/vision_transformer.h>
#include <dino/viz/attention_images.h>
#include <dino/viz/attention_budget.h>
#include <dino/viz/attention_maps.h>
#include <dino/viz/attention_pass.h>
#include <dino/viz/figure_provenance.h>

#include <QtTest>
#include <torch/torch.h>

#include <algorithm>
#include <numeric>

using namespace dino;

class TestAttentionMaps : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void clsRowOnThePatchGrid() {
    // 2 heads, 6 patches on a 2 x 3 grid: entry (h, q, k) = 100 h + 10 q + k.
    auto attention = torch::zeros({1, 2, 7, 7});
    for (int h = 0; h < 2; ++h)
      for (int q = 0; q < 7; ++q)
        for (int k = 0; k < 7; ++k) attention[0][h][q][k] = 100 * h + 10 * q + k;
    const auto maps = query_attention(attention, 0, 2, 3);
    QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{2, 2, 3}));
    QCOMPARE(maps[1][1][2].item<float>(), 100.0f + 6);            // patch 5 = row 1, column 2; key 1 + 5
    QCOMPARE(maps[0][0][0].item<float>(), 1.0f);                  // the CLS key (k = 0) is left out
    const auto from_patch = query_attention(attention, 4, 2, 3);  // patch 3's query row
    QCOMPARE(from_patch[0][1][0].item<float>(), 40.0f + 4);
  }

  void massThresholdKeepsTheSmallestSufficientSet() {
    // By hand: sorted 0.1 0.2 0.3 0.4, cumulative 0.1 0.3 0.6 1.0 > 1 - 0.6 keeps 0.3 and 0.4.
    const auto map = torch::tensor({0.1, 0.4, 0.2, 0.3}).reshape({1, 2, 2});
    const auto mask = mass_threshold_masks(map, 0.6);
    QCOMPARE(mask.scalar_type(), torch::kUInt8);
    const std::vector<int> expected{0, 1, 0, 1};
    for (int i = 0; i < 4; ++i)
      QCOMPARE(static_cast<int>(mask.view({-1})[i].item<uint8_t>()), expected[static_cast<size_t>(i)]);
    // On random maps: the kept mass reaches t, and without its smallest patch it would not.
    torch::manual_seed(3);
    const auto maps = torch::rand({5, 7, 9}).pow(3);
    for (double t : {0.1, 0.5, 0.9}) {
      const auto masks = mass_threshold_masks(maps, t);
      for (int m = 0; m < 5; ++m) {
        const auto values = maps[m].flatten() / maps[m].sum();
        const auto kept = masks[m].flatten().to(torch::kBool);
        const double mass = values.masked_select(kept).sum().item<double>();
        const double smallest = values.masked_select(kept).min().item<double>();
        QVERIFY2(mass >= t - 1e-9, qPrintable(QString::number(mass)));
        QVERIFY2(mass - smallest < t + 1e-9, qPrintable(QString::number(mass - smallest)));
      }
    }
  }

  // The pass forms attention rows a chunk at a time; here against the whole matrices of
  // get_all_selfattentions (the reference's explicit path) and rollout's definition in double, on
  // 900 patches so that rollout takes two chunks of rows.
  void passMatchesTheWholeMatrices() {
    torch::manual_seed(1);
    auto config = *vit_preset("vit_tiny", 8);
    config.depth = 3;
    config.img_size = 16;
    VisionTransformer model(config);
    model->eval();
    torch::NoGradGuard no_grad;
    const auto image = torch::randn({1, 3, 240, 240});
    const auto layers = model->get_all_selfattentions(image);
    QCOMPARE(layers.size(), size_t{3});
    QVERIFY(torch::allclose(layers[1], model->get_selfattention(image, 1), 1e-6, 1e-6));
    const int64_t n = layers[0].size(2);
    QCOMPARE(n, int64_t{901});
    QVERIFY(config.num_heads * n * 4 * n > kAttentionChunkBytes);  // more than one chunk of rows

    // By hand, in double: R = Â3 Â2 Â1 with Â = rownorm((mean_heads(A) + I) / 2).
    auto expected = torch::eye(n, torch::kDouble);
    for (const auto& a : layers) {
      auto m = a[0].to(torch::kDouble).sum(0) / static_cast<double>(a.size(1));
      for (int64_t i = 0; i < n; ++i) m[i][i] += 1.0;
      m = m / 2.0;
      m = m / m.sum(1, true);
      expected = m.matmul(expected);
    }
    std::vector<double> progress;
    AttentionWork work;
    work.progress = [&](double fraction) { progress.push_back(fraction); };
    const auto pass = attention_pass(*model, image, {1, 37, /*rollout=*/true, /*pca=*/true}, work);
    QVERIFY(torch::allclose(pass.rollout.to(torch::kDouble), expected[0], 1e-5, 1e-7));
    QVERIFY(std::abs(pass.rollout.sum().item<double>() - 1) < 1e-5);  // still a distribution
    // Layer 1's row of patch 36 (query token 37), and the maps on the grid from it.
    QVERIFY(torch::allclose(pass.query_rows, layers[1][0].select(1, 37), 1e-6, 1e-7));
    QVERIFY(torch::allclose(patch_maps(pass.query_rows, 30, 30), query_attention(layers[1], 37, 30, 30), 1e-6, 1e-7));
    // PCA's tokens: the last block's normed patch tokens, as get_intermediate_layers gives them.
    QVERIFY(
        torch::allclose(pass.patch_tokens, model->get_intermediate_layers(image, 1).back()[0].slice(0, 1), 1e-5, 1e-6));
    QVERIFY(progress.size() >= 5);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(progress.back(), 1.0);
  }

  void passStopsWhenCancelled() {
    auto config = *vit_preset("vit_tiny", 8);
    config.depth = 4;
    config.img_size = 16;
    VisionTransformer model(config);
    model->eval();
    const auto image = torch::randn({1, 3, 64, 64});
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    int reports = 0;
    AttentionWork work;
    work.cancel = cancel;
    work.progress = [&](double) {
      if (++reports == 2) cancel->store(true);  // reported before the third block: cancelled there
    };
    QVERIFY_THROWS_EXCEPTION(AttentionCancelled, attention_pass(*model, image, {-1, 0, true, false}, work));
    QCOMPARE(reports, 2);  // the third block never started
  }

  void pcaColoursFollowTheMainDirections() {
    // Features whose variance lies mostly along a, then b, then c.
    const int64_t h = 4, w = 5, n = h * w, d = 16;
    torch::manual_seed(2);
    const auto a = torch::linspace(-1, 1, n, torch::kDouble), b = torch::randn({n}, torch::kDouble),
               c = torch::randn({n}, torch::kDouble);
    auto basis = std::get<0>(torch::linalg_qr(torch::randn({d, 3}, torch::kDouble)));  // orthonormal columns
    const auto features = torch::stack({a * 10, b * 3, c * 0.5}, 1).matmul(basis.t()) + 7.0;
    const auto colours = patch_feature_pca(features.to(torch::kFloat), h, w);
    QCOMPARE(colours.sizes().vec(), (std::vector<int64_t>{3, h, w}));
    QVERIFY(colours.min().item<double>() >= 0 && colours.max().item<double>() <= 1);
    const auto first = colours[0].flatten().to(torch::kDouble);
    const double correlation = torch::corrcoef(torch::stack({first, a}))[0][1].item<double>();
    QVERIFY2(std::abs(correlation) > 0.999, qPrintable(QString::number(correlation)));
  }

  // Several images drawn at once get a folder each: a.png and a.jpg apart, in the order given.
  void figureFoldersAreDistinct() {
    const std::vector<std::filesystem::path> images{"x/a.png", "y/a.jpg", "b.png", "z/a-jpg.png", "a.png"};
    const std::vector<std::string> expected{"a", "a-jpg", "b", "a-jpg-png", "a-png"};
    QCOMPARE(dino::figure_folder_names(images), expected);
    // Taken even as a whole name: a counter.
    const std::vector<std::filesystem::path> twice{"one/a.png", "two/a.png", "three/a.png"};
    const std::vector<std::string> counted{"a", "a-png", "a-png-2"};
    QCOMPARE(dino::figure_folder_names(twice), counted);
  }

  void picturesAsTheReferenceDrawsThem() {
    // matplotlib's viridis runs from (68, 1, 84) to (253, 231, 37).
    const auto map = torch::tensor({0.0, 1.0, 2.0, 3.0}).reshape({2, 2});
    const cv::Mat rgb = colorize_map(map, ColorMap::Viridis, 3);
    QCOMPARE(rgb.size(), cv::Size(6, 6));
    const auto low = rgb.at<cv::Vec3b>(0, 0), high = rgb.at<cv::Vec3b>(5, 5);
    QVERIFY(std::abs(low[0] - 68) <= 2 && std::abs(low[1] - 1) <= 2 && std::abs(low[2] - 84) <= 2);
    QVERIFY(std::abs(high[0] - 253) <= 2 && std::abs(high[1] - 231) <= 2 && std::abs(high[2] - 37) <= 2);
    QVERIFY(rgb.at<cv::Vec3b>(0, 0) == rgb.at<cv::Vec3b>(2, 2));  // nearest: a 3 x 3 block per value

    // Overlay: inside the mask (away from its contour) 0.5 image + 0.5 red; outside untouched.
    cv::Mat image(9, 9, CV_8UC3, cv::Scalar(100, 50, 20));
    cv::Mat mask = cv::Mat::zeros(9, 9, CV_8U);
    mask(cv::Rect(2, 2, 5, 5)).setTo(1);
    const cv::Mat overlay = mask_overlay(image, mask);
    QVERIFY(overlay.at<cv::Vec3b>(4, 4) == cv::Vec3b(177, 25, 10));  // 100/2 + 127.5 truncated, 50/2, 20/2
    QVERIFY(overlay.at<cv::Vec3b>(0, 0) == cv::Vec3b(100, 50, 20));
    QVERIFY(overlay.at<cv::Vec3b>(2, 2) == cv::Vec3b(255, 0, 0));  // the contour, drawn in red

    // img.png: the normalised input min-max rescaled, then *255 + 0.5 truncated.
    const auto input = torch::tensor({-1.0, 0.0, 1.0, 3.0}).reshape({1, 2, 2}).expand({3, 2, 2});
    const cv::Mat shown = normalized_input_image(input);
    QCOMPARE(static_cast<int>(shown.at<cv::Vec3b>(0, 0)[0]), 0);
    QCOMPARE(static_cast<int>(shown.at<cv::Vec3b>(0, 1)[1]), 64);  // 0.25 * 255 + 0.5 = 64.25
    QCOMPARE(static_cast<int>(shown.at<cv::Vec3b>(1, 1)[2]), 255);
  }
};

QTEST_GUILESS_MAIN(TestAttentionMaps)
#include "test_attention_maps.moc"
