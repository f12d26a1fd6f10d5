#include "dino/system/device.h"

#include <torch/torch.h>

#include <fstream>
#include <stdexcept>

#include <unistd.h>

namespace dino {

c10::Device parse_device(const std::string& name) {
  if (name == "auto") return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  std::optional<c10::Device> device;
  try {
    device = c10::Device(name);
  } catch (const c10::Error&) {
  }
  if (!device || (!device->is_cpu() && !device->is_cuda()))
    throw std::invalid_argument("--device " + name + ": use auto, cpu, cuda or cuda:N");
  if (device->is_cuda()) {
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (count == 0) throw std::invalid_argument("--device " + name + ": this LibTorch sees no CUDA device");
    if (device->has_index() && device->index() >= count)
      throw std::invalid_argument("--device " + name + ": only " + std::to_string(count) + " CUDA devices");
  }
  return *device;
}

int64_t resident_memory_bytes() {
  // /proc/self/statm: total and resident sizes in pages.
  std::ifstream statm("/proc/self/statm");
  int64_t total = 0, resident = 0;
  if (!(statm >> total >> resident)) return 0;
  return resident * static_cast<int64_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace dino
