#include "dino/api/build_info.h"

#include <ATen/Context.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <torch/version.h>

namespace dino {

LibTorchInfo libtorch_info() {
  LibTorchInfo info;
  info.version = TORCH_VERSION;
  try {  // a CPU build has no CUDA runtime to ask and says so by throwing
    const long runtime = at::detail::getCUDAHooks().versionCUDART();  // 12040 for 12.4
    info.cuda = "CUDA " + std::to_string(runtime / 1000) + "." + std::to_string(runtime % 1000 / 10);
    if (!at::hasCUDA()) info.cuda += ", no GPU found";
  } catch (const std::exception&) {
    info.cuda = "CPU only";
  }
  return info;
}

}  // namespace dino
