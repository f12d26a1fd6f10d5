// The CUDA driver API, opened at run time with dlopen: device names, memory and compute
// capability without CUDA headers or a CUDA build of LibTorch. Private to core.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dino::detail {

struct CudaDriverDevice {
  std::string name;
  int64_t memory_bytes = 0;
  int compute_major = 0, compute_minor = 0;
};

// The devices the driver lists (CUDA_VISIBLE_DEVICES applies, in its order); empty when there is
// no driver or it fails. Queried once per process.
const std::vector<CudaDriverDevice>& cuda_driver_devices();

}  // namespace dino::detail
