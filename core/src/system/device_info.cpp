#include "dino/system/device_info.h"

#include "cuda_driver.h"
#include "torch_features.h"

#include <torch/torch.h>
#if DINO_TORCH_ACCELERATOR_MEMORY_API
#include <ATen/DeviceAccelerator.h>
#endif

#include <fstream>
#include <iomanip>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace dino {
namespace {

DeviceInfo read_cpu_info() {
  DeviceInfo info;
  info.name = "cpu";
  info.cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  info.memory_bytes = static_cast<int64_t>(sysconf(_SC_PHYS_PAGES)) * static_cast<int64_t>(sysconf(_SC_PAGESIZE));
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  bool model = false, flags = false;
  while ((!model || !flags) && std::getline(cpuinfo, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
    const std::string value = colon + 2 <= line.size() ? line.substr(colon + 2) : std::string();
    if (key == "model name" && !model) {
      info.model = value;
      model = true;
    } else if (key == "flags" && !flags) {
      std::istringstream words(value);
      for (std::string word; words >> word;)
        if (word == "avx512_bf16" || word == "amx_bf16") info.bf16_hardware = true;
      flags = true;
    }
  }
  return info;
}

// The CPU does not change while the process runs; /proc/cpuinfo is read once.
const DeviceInfo& cpu_info() {
  static const DeviceInfo info = read_cpu_info();
  return info;
}

DeviceInfo cuda_info(int index) {
  DeviceInfo info;
  info.name = "cuda:" + std::to_string(index);
  const auto& driver = detail::cuda_driver_devices();
  if (index < static_cast<int>(driver.size())) {
    const auto& d = driver[static_cast<size_t>(index)];
    info.model = d.name;
    info.memory_bytes = d.memory_bytes;
    info.compute_major = d.compute_major;
    info.compute_minor = d.compute_minor;
    info.bf16_hardware = d.compute_major >= 8;  // torch.cuda.is_bf16_supported's rule
  }
  return info;
}

std::string gibibytes(int64_t bytes) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / (1ll << 30) << " GiB";
  return out.str();
}

}  // namespace

std::vector<DeviceInfo> device_infos() {
  std::vector<DeviceInfo> infos{cpu_info()};
  if (torch::cuda::is_available())
    for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i) infos.push_back(cuda_info(i));
  return infos;
}

DeviceInfo device_info(const c10::Device& device) {
  return device.is_cuda() ? cuda_info(device.has_index() ? device.index() : 0) : cpu_info();
}

std::string device_description(const DeviceInfo& info) {
  std::vector<std::string> parts;
  if (info.name == "cpu") {
    parts.push_back(info.model.empty() ? "CPU" : info.model);
    parts.push_back(std::to_string(info.cores) + (info.cores == 1 ? " core" : " cores"));
    if (info.memory_bytes > 0) parts.push_back(gibibytes(info.memory_bytes));
    if (info.bf16_hardware) parts.emplace_back("bf16 in hardware");
  } else {
    parts.push_back(info.name + ": " + (info.model.empty() ? "CUDA GPU" : info.model));
    if (info.memory_bytes > 0) parts.push_back(gibibytes(info.memory_bytes));
    if (info.compute_major > 0) parts.push_back("compute " + std::to_string(info.compute_major) + "." + std::to_string(info.compute_minor));
  }
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

bool supports_bf16(const DeviceInfo& info) {
  // A GPU's bf16_hardware is its compute capability rule (cuda_info); unknown capability leaves it open.
  return info.name == "cpu" || info.compute_major == 0 || info.bf16_hardware;
}

std::vector<std::string> precision_choices(const DeviceInfo& info) {
  std::vector<std::string> choices{"auto", "fp32"};
  if (supports_bf16(info)) choices.emplace_back("bf16");
  choices.emplace_back("fp16");
  return choices;
}

int64_t device_memory_in_use(const c10::Device& device) {
#if DINO_TORCH_ACCELERATOR_MEMORY_API
  if (!device.is_cuda()) return 0;
  try {
    const auto stats = at::accelerator::getDeviceStats(device.has_index() ? device.index() : 0);
    return stats.allocated_bytes[static_cast<size_t>(c10::CachingAllocator::StatType::AGGREGATE)].current;
  } catch (const std::exception&) {
    return 0;
  }
#else
  (void)device;
  return 0;
#endif
}

}  // namespace dino
