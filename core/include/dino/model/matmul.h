// The model's linear layers, y = x W^T + b, with their matrix products on the CPU in fp32 taken by
// oneDNN's matmul (the library LibTorch bundles) or by ATen's BLAS (MKL in the PyTorch wheels).
//
// Which is faster depends on the CPU (docs/benchmarks.md): on a Zen 4, where MKL takes its generic
// path, oneDNN's AVX-512 kernels ran the ViT's products 10-30% faster; on an Ice Lake Xeon, MKL's
// own kernels ran the whole step 1.13x faster than oneDNN. And LibTorch lets oneDNN's matmul take
// fp32 only on CPUs with AVX-512 (BW, VL, DQ) or AVX-NE-CONVERT (ATen/native/mkldnn/Matmul.cpp
// checks its bf16 conditions for fp32 too), so an AVX2 CPU has ATen's path alone. The numbers stay
// fp32 products with fp32 sums, as the reference's, in another summation order. CUDA, other dtypes
// and autocast keep at::linear.
#pragma once

#include <torch/types.h>

#include <string>

namespace dino {

enum class CpuMatmul {
  automatic,  // automatic_cpu_matmul's rule below
  aten,       // at::linear: ATen's BLAS (MKL in the PyTorch wheels)
  onednn,     // oneDNN's matmul; an error where LibTorch does not run fp32 through it
};

// Process-wide choice; the training step and the benchmarks set it from --cpu_matmul.
void set_cpu_matmul(CpuMatmul choice);
// What `automatic` resolves to in this process: onednn or aten.
CpuMatmul resolved_cpu_matmul();
// "auto", "aten", "onednn" <-> CpuMatmul; parse throws std::invalid_argument naming the value.
CpuMatmul parse_cpu_matmul(const std::string& name);
std::string cpu_matmul_name(CpuMatmul choice);

// Whether this LibTorch runs an fp32 product through oneDNN on this CPU (checked once, on a small
// product), and if not, why: a sentence for messages.
bool onednn_matmul_available();
std::string onednn_matmul_unavailable_reason();

// The rule behind `automatic`, on what it depends on: oneDNN where LibTorch runs fp32 through it
// and the CPU is not Intel's (MKL's own kernels win there), ATen otherwise.
CpuMatmul automatic_cpu_matmul(bool onednn_available, bool intel_cpu);

// The path fp32 CPU products take now and why, for logs: "aten (auto: ...)".
std::string describe_cpu_matmul();

// at::linear's contract: input (..., in), weight (out, in), bias (out) or undefined.
torch::Tensor linear(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias = {});

}  // namespace dino
