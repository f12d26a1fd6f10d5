// The model's linear layers, y = x W^T + b, with their matrix products on the CPU in fp32 taken by
// oneDNN's matmul (the library LibTorch bundles) instead of ATen's BLAS where LibTorch has it.
//
// Why: on this project's CPUs oneDNN's AVX-512 kernels ran the ViT's products (forward, input
// gradient and weight gradient) 10-30% faster than MKL's sgemm, which is most of a CPU training
// step (docs/benchmarks.md). The numbers stay fp32 products with fp32 sums, as the reference's,
// in another summation order. CUDA, other dtypes and autocast keep at::linear.
#pragma once

#include <torch/types.h>

namespace dino {

enum class CpuMatmul {
  automatic,  // oneDNN where LibTorch has its fp32 matmul, ATen otherwise
  aten,       // at::linear: ATen's BLAS (MKL in the PyTorch wheels)
  onednn,     // oneDNN's matmul; an error where LibTorch lacks it
};

// Process-wide choice; the training step and the benchmarks set it from --cpu_matmul.
void set_cpu_matmul(CpuMatmul choice);
// What `automatic` resolves to in this process: onednn or aten.
CpuMatmul resolved_cpu_matmul();
// "auto", "aten", "onednn" <-> CpuMatmul; parse throws std::invalid_argument naming the value.
CpuMatmul parse_cpu_matmul(const std::string& name);
std::string cpu_matmul_name(CpuMatmul choice);

// Whether this LibTorch runs an fp32 product through oneDNN (checked once, on a small product).
bool onednn_matmul_available();

// at::linear's contract: input (..., in), weight (out, in), bias (out) or undefined.
torch::Tensor linear(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias = {});

}  // namespace dino
