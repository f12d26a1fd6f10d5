#include "dino/model/matmul.h"

#include "dino/model/autocast_scope.h"
#include "torch_features.h"

#include <torch/autograd.h>

#include <atomic>
#include <string>
#include <stdexcept>

#if DINO_TORCH_ONEDNN_MATMUL
// LibTorch exports this (ATen/native/mkldnn/Matmul.cpp) without installing its header:
// result = alpha * mat1 @ mat2 + beta * result, for contiguous or transposed 2-D operands.
// core/CMakeLists.txt checks at configure time that the symbol links; onednn_matmul_available()
// checks at run time that it takes fp32 (older LibTorch took only bf16 there on x86, and current
// LibTorch takes fp32 only on CPUs that pass its bf16 test: AVX-512 BW/VL/DQ or AVX-NE-CONVERT).
namespace at::native {
void mkldnn_matmul(const at::Tensor& mat1, const at::Tensor& mat2, const at::Tensor& result, float beta, float alpha);
}
#endif

namespace dino {
namespace {

std::atomic<CpuMatmul> g_choice{CpuMatmul::automatic};

// result = a @ b (+ result when accumulate).
void onednn_product(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& result, bool accumulate) {
#if DINO_TORCH_ONEDNN_MATMUL
  at::native::mkldnn_matmul(a, b, result, accumulate ? 1.0f : 0.0f, 1.0f);
#else
  (void)a, (void)b, (void)result, (void)accumulate;
  throw std::logic_error("oneDNN matmul is not in this LibTorch");
#endif
}

torch::Tensor onednn_linear_forward(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias) {
  const auto rows = input.numel() / input.size(-1);
  const auto out_features = weight.size(0);
  auto x = input.reshape({rows, input.size(-1)});
  // As addmm: the output starts as the bias and the product is summed into it.
  auto y = bias.defined() ? bias.expand({rows, out_features}).contiguous() : torch::empty({rows, out_features}, input.options());
  onednn_product(x, weight.t(), y, bias.defined());
  auto sizes = input.sizes().vec();
  sizes.back() = out_features;
  return y.view(sizes);
}

// The gradients of x W^T for input (0) and weight (1), those that autograd asks for, and the
// output gradient as rows.
struct ProductGradients {
  torch::Tensor rows, input, weight;
};

ProductGradients product_gradients(torch::autograd::AutogradContext* ctx, const torch::Tensor& output_grad) {
  const auto saved = ctx->get_saved_variables();
  const auto& input = saved[0];
  const auto& weight = saved[1];
  const auto in_features = weight.size(1);
  const auto out_features = weight.size(0);
  const auto rows = input.numel() / in_features;
  ProductGradients g;
  g.rows = output_grad.reshape({rows, out_features});
  if (ctx->needs_input_grad(0)) {
    g.input = torch::empty({rows, in_features}, g.rows.options());
    onednn_product(g.rows, weight, g.input, false);
    g.input = g.input.view(input.sizes());
  }
  if (ctx->needs_input_grad(1)) {
    g.weight = torch::empty({out_features, in_features}, g.rows.options());
    onednn_product(g.rows.t(), input.reshape({rows, in_features}), g.weight, false);
  }
  return g;
}

// Two autograd functions, as Function::apply takes no undefined tensor for a missing bias.
class OneDnnLinearWithBias : public torch::autograd::Function<OneDnnLinearWithBias> {
 public:
  static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& input,
                               const torch::Tensor& weight, const torch::Tensor& bias) {
    ctx->save_for_backward({input, weight});
    return onednn_linear_forward(input, weight, bias);
  }
  static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::tensor_list grads) {
    auto g = product_gradients(ctx, grads[0]);
    return {g.input, g.weight, ctx->needs_input_grad(2) ? g.rows.sum(0) : torch::Tensor()};
  }
};

class OneDnnLinearNoBias : public torch::autograd::Function<OneDnnLinearNoBias> {
 public:
  static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& input,
                               const torch::Tensor& weight) {
    ctx->save_for_backward({input, weight});
    return onednn_linear_forward(input, weight, {});
  }
  static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::tensor_list grads) {
    auto g = product_gradients(ctx, grads[0]);
    return {g.input, g.weight};
  }
};

// CPU, fp32, no CPU autocast (it would run at::linear in bf16), and the choice resolves to oneDNN.
bool takes_onednn(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias) {
  auto fp32 = [](const torch::Tensor& t) { return !t.defined() || t.scalar_type() == torch::kFloat; };
  // The device first: a model on CUDA never runs the availability probe.
  return input.device().is_cpu() && fp32(input) && fp32(weight) && fp32(bias) && input.numel() > 0 &&
         !autocast_enabled(c10::DeviceType::CPU) && resolved_cpu_matmul() == CpuMatmul::onednn;
}

bool needs_graph(std::initializer_list<torch::Tensor> tensors) {
  if (!torch::GradMode::is_enabled()) return false;
  for (const auto& t : tensors)
    if (t.defined() && t.requires_grad()) return true;
  return false;
}

}  // namespace

namespace {

struct OneDnnProbe {
  bool available = false;
  std::string reason;  // why not, when not
};

// One small fp32 product through oneDNN, compared with ATen's.
OneDnnProbe probe_onednn() {
#if DINO_TORCH_ONEDNN_MATMUL
  try {
    torch::NoGradGuard no_grad;
    auto a = torch::arange(6, torch::kFloat).reshape({2, 3});
    auto b = torch::arange(12, torch::kFloat).reshape({4, 3});
    auto result = torch::empty({2, 4});
    onednn_product(a, b.t(), result, false);
    if (torch::equal(result, a.matmul(b.t()))) return {true, ""};
    return {false, "LibTorch's oneDNN matmul gave a wrong fp32 product on this CPU"};
  } catch (const std::exception& e) {
    // LibTorch's own words ("mkldnn_matmul: ... needs the cpu support avx_ne_convert or avx512bw,
    // avx512vl and avx512dq ..."), first line only: the rest is a C++ stack.
    std::string message = e.what();
    message = message.substr(0, message.find('\n'));
    if (message.find("avx512bw") != std::string::npos)
      return {false, "LibTorch runs fp32 products through oneDNN only on CPUs with AVX-512 (BW, VL, DQ) or "
                     "AVX-NE-CONVERT, and refused this one (" + message + ")"};
    return {false, "LibTorch's oneDNN matmul refused an fp32 product (" + message + ")"};
  }
#else
  return {false, "this LibTorch does not export oneDNN's matmul (at::native::mkldnn_matmul)"};
#endif
}

const OneDnnProbe& onednn_probe() {
  static const OneDnnProbe probe = probe_onednn();
  return probe;
}

bool cpu_is_intel() {
#if defined(__GNUC__) && defined(__x86_64__)
  __builtin_cpu_init();
  return __builtin_cpu_is("intel");
#else
  return false;
#endif
}

}  // namespace

bool onednn_matmul_available() { return onednn_probe().available; }

std::string onednn_matmul_unavailable_reason() { return onednn_probe().reason; }

CpuMatmul automatic_cpu_matmul(bool onednn_available, bool intel_cpu) {
  return onednn_available && !intel_cpu ? CpuMatmul::onednn : CpuMatmul::aten;
}

void set_cpu_matmul(CpuMatmul choice) {
  if (choice == CpuMatmul::onednn && !onednn_matmul_available())
    throw std::invalid_argument("--cpu_matmul onednn: " + onednn_matmul_unavailable_reason() + "; use aten or auto");
  g_choice = choice;
}

CpuMatmul resolved_cpu_matmul() {
  const auto choice = g_choice.load();
  if (choice != CpuMatmul::automatic) return choice;
  static const CpuMatmul automatic = automatic_cpu_matmul(onednn_matmul_available(), cpu_is_intel());
  return automatic;
}

std::string describe_cpu_matmul() {
  const auto choice = g_choice.load();
  const auto path = cpu_matmul_name(resolved_cpu_matmul());
  if (choice != CpuMatmul::automatic) return path + " (--cpu_matmul " + path + ")";
  if (!onednn_matmul_available()) return path + " (auto: " + onednn_matmul_unavailable_reason() + ")";
  if (cpu_is_intel())
    return path + " (auto: an Intel CPU, where MKL's own kernels ran the step faster than oneDNN's; "
                  "`dino bench step` times both)";
  return path + " (auto: not an Intel CPU, where MKL takes its generic path and oneDNN's kernels ran the "
                "step faster; `dino bench step` times both)";
}

CpuMatmul parse_cpu_matmul(const std::string& name) {
  if (name == "auto") return CpuMatmul::automatic;
  if (name == "aten") return CpuMatmul::aten;
  if (name == "onednn") return CpuMatmul::onednn;
  throw std::invalid_argument("--cpu_matmul must be auto, aten or onednn, not '" + name + "'");
}

std::string cpu_matmul_name(CpuMatmul choice) {
  switch (choice) {
    case CpuMatmul::automatic: return "auto";
    case CpuMatmul::aten: return "aten";
    case CpuMatmul::onednn: return "onednn";
  }
  return "auto";
}

torch::Tensor linear(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias) {
  if (!takes_onednn(input, weight, bias)) return torch::nn::functional::linear(input, weight, bias);
  if (!needs_graph({input, weight, bias})) return onednn_linear_forward(input, weight, bias);
  return bias.defined() ? OneDnnLinearWithBias::apply(input, weight, bias) : OneDnnLinearNoBias::apply(input, weight);
}

}  // namespace dino
