#include "cli_support.h"

#include <torch/torch.h>

namespace dino::cli {

c10::Device resolve_device(const std::string& name) {
  if (name == "auto") return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  try {
    c10::Device device(name);
    if (device.is_cuda() && !torch::cuda::is_available())
      throw UsageError("--device " + name + ": this LibTorch sees no CUDA device");
    if (device.is_cuda() && device.has_index() && device.index() >= static_cast<int>(torch::cuda::device_count()))
      throw UsageError("--device " + name + ": only " + std::to_string(torch::cuda::device_count()) + " CUDA devices");
    if (!device.is_cpu() && !device.is_cuda()) throw UsageError("--device " + name + ": use auto, cpu, cuda or cuda:N");
    return device;
  } catch (const c10::Error&) {
    throw UsageError("--device " + name + ": use auto, cpu, cuda or cuda:N");
  }
}

std::string with_thousands(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

}  // namespace dino::cli
