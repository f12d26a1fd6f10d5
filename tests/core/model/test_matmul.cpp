// dino::linear (model/matmul.h): oneDNN's fp32 products against at::linear in double precision,
// forward and every gradient, and the routing (aten, onednn, autocast, other dtypes).
#include <dino/model/matmul.h>
#include <dino/model/autocast_scope.h>

#include <QtTest>
#include <torch/torch.h>

using namespace dino;

namespace {

struct Gradients {
  torch::Tensor output, input, weight, bias;
};

// Output and gradients of linear(input, weight, bias) for the upstream gradient `upstream`.
template <class Linear>
Gradients run(Linear linear_fn, const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias,
              const torch::Tensor& upstream) {
  auto x = input.detach().clone().requires_grad_(true);
  auto w = weight.detach().clone().requires_grad_(true);
  auto b = bias.defined() ? bias.detach().clone().requires_grad_(true) : torch::Tensor();
  auto y = linear_fn(x, w, b);
  y.backward(upstream);
  return {y.detach(), x.grad(), w.grad(), b.defined() ? b.grad() : torch::Tensor()};
}

// Largest difference relative to the largest magnitude of the double-precision truth.
double relative_error(const torch::Tensor& got, const torch::Tensor& truth) {
  return ((got.to(torch::kDouble) - truth).abs().max() / truth.abs().max()).item<double>();
}

}  // namespace

class TestMatmul : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    torch::manual_seed(3);
    // LibTorch runs fp32 products through oneDNN only on some CPUs (matmul.h); where it does not,
    // the oneDNN checks skip and say why, and the refusal itself is checked below.
    if (!onednn_matmul_available())
      qInfo("oneDNN's fp32 matmul is not available here: %s", onednn_matmul_unavailable_reason().c_str());
    // The CTest entry that caps oneDNN at AVX2 must really see the refusal, or it checks nothing.
    if (qEnvironmentVariableIsSet("DINO_TEST_EXPECT_ONEDNN_REFUSED")) QVERIFY(!onednn_matmul_available());
  }
  void cleanup() { set_cpu_matmul(CpuMatmul::automatic); }

  void oneDnnMatchesDoublePrecision_data() {
    QTest::addColumn<bool>("with_bias");
    QTest::addColumn<bool>("tokens");  // 3-D input (batch, tokens, features) as in the ViT
    QTest::newRow("3-D with bias") << true << true;
    QTest::newRow("2-D without bias") << false << false;
  }
  void oneDnnMatchesDoublePrecision() {
    QFETCH(bool, with_bias);
    QFETCH(bool, tokens);
    if (!onednn_matmul_available()) QSKIP(onednn_matmul_unavailable_reason().c_str());
    set_cpu_matmul(CpuMatmul::onednn);
    const auto input = tokens ? torch::randn({5, 13, 48}) : torch::randn({37, 48});
    const auto weight = torch::randn({72, 48}) * 0.1;
    const auto bias = with_bias ? torch::randn({72}) : torch::Tensor();
    // Upstream gradient as a transposed view, as autograd hands over after a transpose.
    auto upstream_shape = input.sizes().vec();
    upstream_shape.back() = 72;
    std::swap(upstream_shape.front(), upstream_shape.back());
    const auto upstream = torch::randn(upstream_shape).transpose(0, -1);
    QVERIFY(!upstream.is_contiguous());

    const auto got = run([](auto& x, auto& w, auto& b) { return dino::linear(x, w, b); }, input, weight, bias, upstream);
    const auto truth = run([](auto& x, auto& w, auto& b) { return torch::nn::functional::linear(x, w, b); },
                           input.to(torch::kDouble), weight.to(torch::kDouble),
                           with_bias ? bias.to(torch::kDouble) : torch::Tensor(), upstream.to(torch::kDouble));
    QCOMPARE(got.output.scalar_type(), torch::kFloat);
    QCOMPARE(got.output.sizes().vec(), truth.output.sizes().vec());
    // fp32 sums of 48 (forward, input gradient) and 65 or 37 (weight gradient) products.
    QVERIFY(relative_error(got.output, truth.output) < 1e-6);
    QVERIFY(relative_error(got.input, truth.input) < 1e-6);
    QVERIFY(relative_error(got.weight, truth.weight) < 1e-6);
    if (with_bias) QVERIFY(relative_error(got.bias, truth.bias) < 1e-6);
  }

  void atenIsAtLinear() {
    const auto x = torch::randn({6, 10}).requires_grad_(true);
    const auto w = torch::randn({4, 10}).requires_grad_(true);
    const auto b = torch::randn({4}).requires_grad_(true);
    set_cpu_matmul(CpuMatmul::aten);
    QCOMPARE(resolved_cpu_matmul(), CpuMatmul::aten);
    auto via_aten = dino::linear(x, w, b);
    QVERIFY(torch::equal(via_aten, torch::nn::functional::linear(x, w, b)));
    QVERIFY(via_aten.grad_fn()->name().find("OneDnnLinear") == std::string::npos);
    QCOMPARE(describe_cpu_matmul(), std::string("aten (--cpu_matmul aten)"));
  }

  void routingFollowsTheChoice() {
    if (!onednn_matmul_available()) QSKIP(onednn_matmul_unavailable_reason().c_str());
    const auto x = torch::randn({6, 10}).requires_grad_(true);
    const auto w = torch::randn({4, 10}).requires_grad_(true);
    const auto b = torch::randn({4}).requires_grad_(true);
    set_cpu_matmul(CpuMatmul::onednn);
    auto via_onednn = dino::linear(x, w, b);
    QVERIFY(via_onednn.grad_fn()->name().find("OneDnnLinear") != std::string::npos);
    // Without autograd (the teacher) the same kernel runs: the same bits.
    torch::NoGradGuard no_grad;
    QVERIFY(torch::equal(dino::linear(x, w, b), via_onednn.detach()));
  }

  // Where LibTorch refuses fp32 through oneDNN, asking for it is an error that names the flag and
  // the reason, and nothing changes.
  void refusedOneDnnIsNamed() {
    if (onednn_matmul_available()) QSKIP("this CPU runs oneDNN's fp32 matmul: test_matmul_onednn_refused checks the refusal (oneDNN capped at AVX2)");
    set_cpu_matmul(CpuMatmul::aten);
    try {
      set_cpu_matmul(CpuMatmul::onednn);
      QFAIL("--cpu_matmul onednn was accepted where LibTorch refuses it");
    } catch (const std::invalid_argument& e) {
      QVERIFY(std::string(e.what()).find("--cpu_matmul onednn") != std::string::npos);
      QVERIFY(std::string(e.what()).find(onednn_matmul_unavailable_reason()) != std::string::npos);
    }
    QCOMPARE(resolved_cpu_matmul(), CpuMatmul::aten);
    QVERIFY(!onednn_matmul_unavailable_reason().empty());
  }

  // automatic's rule on every input (docs/benchmarks.md has the measurements behind it), and the
  // path it resolves to on this machine follows the rule and says why.
  void automaticChoosesByCpu() {
    QCOMPARE(automatic_cpu_matmul(true, false), CpuMatmul::onednn);   // AMD with AVX-512: MKL's generic path
    QCOMPARE(automatic_cpu_matmul(true, true), CpuMatmul::aten);      // Intel: MKL's own kernels
    QCOMPARE(automatic_cpu_matmul(false, false), CpuMatmul::aten);    // LibTorch refuses fp32 through oneDNN
    QCOMPARE(automatic_cpu_matmul(false, true), CpuMatmul::aten);
    set_cpu_matmul(CpuMatmul::automatic);
    const CpuMatmul resolved = resolved_cpu_matmul();
#if defined(__GNUC__) && defined(__x86_64__)
    __builtin_cpu_init();
    QCOMPARE(resolved, automatic_cpu_matmul(onednn_matmul_available(), __builtin_cpu_is("intel")));
#endif
    if (!onednn_matmul_available()) QCOMPARE(resolved, CpuMatmul::aten);
    const std::string why = describe_cpu_matmul();
    QVERIFY2(why.rfind(cpu_matmul_name(resolved) + " (auto: ", 0) == 0, why.c_str());
  }

  void autocastAndOtherDtypesKeepAtLinear() {
    if (!onednn_matmul_available()) QSKIP(onednn_matmul_unavailable_reason().c_str());
    set_cpu_matmul(CpuMatmul::onednn);
    const auto x = torch::randn({6, 10});
    const auto w = torch::randn({4, 10});
    {
      AutocastScope bf16(c10::DeviceType::CPU, c10::ScalarType::BFloat16);
      QCOMPARE(dino::linear(x, w).scalar_type(), torch::kBFloat16);  // autocast's cast, as at::linear
    }
    const auto xd = x.to(torch::kDouble), wd = w.to(torch::kDouble);
    QVERIFY(torch::equal(dino::linear(xd, wd), torch::nn::functional::linear(xd, wd)));
  }

  void choiceNamesParse() {
    QCOMPARE(parse_cpu_matmul("auto"), CpuMatmul::automatic);
    QCOMPARE(parse_cpu_matmul("aten"), CpuMatmul::aten);
    QCOMPARE(parse_cpu_matmul("onednn"), CpuMatmul::onednn);
    QCOMPARE(cpu_matmul_name(CpuMatmul::onednn), std::string("onednn"));
    try {
      parse_cpu_matmul("mkl");
      QFAIL("an unknown name was accepted");
    } catch (const std::invalid_argument& e) {
      QVERIFY(std::string(e.what()).find("--cpu_matmul") != std::string::npos);
      QVERIFY(std::string(e.what()).find("'mkl'") != std::string::npos);
    }
  }
};

QTEST_APPLESS_MAIN(TestMatmul)
#include "test_matmul.moc"
