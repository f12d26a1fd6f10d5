// What each compute device is, for menus and for choosing a precision: the CPU's model, cores and
// memory; each CUDA GPU's name, memory and compute capability (from the CUDA driver, loaded at run
// time, so a CPU build and any LibTorch need no CUDA headers); and the memory a run uses on it.
#pragma once

#include <c10/core/Device.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dino {

struct DeviceInfo {
  std::string name;          // "cpu", "cuda:N": what --device takes
  std::string model;         // "Intel(R) Xeon(R) Processor", "NVIDIA H200"; empty when unknown
  int64_t memory_bytes = 0;  // system memory for the CPU, the card's for a GPU; 0 when unknown
  int cores = 0;             // CPU only
  int compute_major = 0, compute_minor = 0;  // CUDA only; 0 when unknown
  bool bf16_hardware = false;  // CPU: AVX-512 BF16 or AMX; CUDA: compute 8.0 or later
};

// "cpu" first, then each CUDA device LibTorch can use.
std::vector<DeviceInfo> device_infos();
// The info of one device (what "auto" resolves to for c10::Device from parse_device("auto")).
DeviceInfo device_info(const c10::Device& device);

// "Intel(R) Xeon(R) Processor, 2 cores, 23.4 GiB, bf16 in hardware" or
// "cuda:0: NVIDIA H200, 139.8 GiB, compute 9.0".
std::string device_description(const DeviceInfo& info);

// Whether bf16 autocast is worth choosing: always on a CPU (slow without hardware support but
// correct), on CUDA only from compute capability 8.0 (torch.cuda.is_bf16_supported's rule); true
// when the capability is unknown.
bool supports_bf16(const DeviceInfo& info);

// The --precision values that fit the device: auto, fp32, bf16 (when supported), fp16.
std::vector<std::string> precision_choices(const DeviceInfo& info);

// Bytes the CUDA caching allocator holds for tensors on `device` now (LibTorch 2.10 and later);
// 0 for the CPU or when LibTorch does not say.
int64_t device_memory_in_use(const c10::Device& device);

}  // namespace dino
