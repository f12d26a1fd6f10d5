#include "dino/api/build_info.h"

#include <ATen/Context.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <torch/version.h>

namespace dino {

LibTorchInfo libtorch_info() {
  LibTorchInfo info;
  info.version = TORCH_VERSION;
  if (!at::hasCUDA()) {
    info.cuda = "CPU only";
    return info;
  }
  try {
    const long runtime = at::detail::getCUDAHooks().versionCUDART();  // 12040 for 12.4
    info.cuda = "CUDA " + std::to_string(runtime / 1000) + "." + std::to_string(runtime % 1000 / 10);
  } catch (const std::exception&) {
    info.cuda = "CUDA";
  }
  return info;
}

}  // namespace dino
