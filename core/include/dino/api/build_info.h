// What the program was built with, for --version and Help > About: the LibTorch version and whether
// it can use CUDA. No LibTorch in this header: the app's widgets include it.
#pragma once

#include <string>

namespace dino {

struct LibTorchInfo {
  std::string version;  // "2.13.0"
  std::string cuda;     // "CUDA 12.4" for a CUDA build (", no GPU found" without one), "CPU only" otherwise
};

LibTorchInfo libtorch_info();

}  // namespace dino
