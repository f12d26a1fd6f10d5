// Choosing where to compute from what a user types as --device.
#pragma once

#include <c10/core/Device.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dino {

// "auto" picks the first CUDA device when LibTorch sees one, else the CPU; also "cpu", "cuda",
// "cuda:N". Throws std::invalid_argument naming --device and what is accepted.
c10::Device parse_device(const std::string& name);

// Resident memory of this process in bytes (0 where the system does not say).
int64_t resident_memory_bytes();

}  // namespace dino
