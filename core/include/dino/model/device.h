// Choosing where to compute from what a user types as --device.
#pragma once

#include <c10/core/Device.h>

#include <string>

namespace dino {

// "auto" picks the first CUDA device when LibTorch sees one, else the CPU; also "cpu", "cuda",
// "cuda:N". Throws std::invalid_argument naming --device and what is accepted.
c10::Device parse_device(const std::string& name);

}  // namespace dino
