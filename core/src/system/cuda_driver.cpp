#include "cuda_driver.h"

#include <dlfcn.h>

namespace dino::detail {
namespace {

// From the driver API's cuda.h (stable since CUDA 3.2): CUresult is an int, CUdevice an int, and
// the two attribute numbers below are CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR and _MINOR.
using CuInit = int (*)(unsigned int);
using CuDeviceGetCount = int (*)(int*);
using CuDeviceGet = int (*)(int*, int);
using CuDeviceGetName = int (*)(char*, int, int);
using CuDeviceTotalMem = int (*)(size_t*, int);
using CuDeviceGetAttribute = int (*)(int*, int, int);
constexpr int kComputeCapabilityMajor = 75;
constexpr int kComputeCapabilityMinor = 76;

std::vector<CudaDriverDevice> query() {
  std::vector<CudaDriverDevice> devices;
  // The handle stays open for the process: LibTorch's CUDA build holds the same library anyway.
  void* library = dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL);
  if (!library) return devices;
  const auto init = reinterpret_cast<CuInit>(dlsym(library, "cuInit"));
  const auto count = reinterpret_cast<CuDeviceGetCount>(dlsym(library, "cuDeviceGetCount"));
  const auto get = reinterpret_cast<CuDeviceGet>(dlsym(library, "cuDeviceGet"));
  const auto name = reinterpret_cast<CuDeviceGetName>(dlsym(library, "cuDeviceGetName"));
  const auto memory = reinterpret_cast<CuDeviceTotalMem>(dlsym(library, "cuDeviceTotalMem_v2"));
  const auto attribute = reinterpret_cast<CuDeviceGetAttribute>(dlsym(library, "cuDeviceGetAttribute"));
  int n = 0;
  if (!init || !count || !get || !name || !memory || !attribute || init(0) != 0 || count(&n) != 0) return devices;
  for (int i = 0; i < n; ++i) {
    int device = 0;
    if (get(&device, i) != 0) break;
    CudaDriverDevice d;
    char text[256] = {};
    if (name(text, sizeof text - 1, device) == 0) d.name = text;
    size_t bytes = 0;
    if (memory(&bytes, device) == 0) d.memory_bytes = static_cast<int64_t>(bytes);
    if (attribute(&d.compute_major, kComputeCapabilityMajor, device) != 0) d.compute_major = 0;
    if (attribute(&d.compute_minor, kComputeCapabilityMinor, device) != 0) d.compute_minor = 0;
    devices.push_back(d);
  }
  return devices;
}

}  // namespace

const std::vector<CudaDriverDevice>& cuda_driver_devices() {
  static const std::vector<CudaDriverDevice> devices = query();
  return devices;
}

}  // namespace dino::detail
