#include "dino/model/autocast_scope.h"

#include "torch_features.h"

#include <ATen/autocast_mode.h>

namespace dino {
namespace {

// LibTorch 2.4 made the autocast state per device type; 2.1-2.3 have one call per backend.
#if DINO_TORCH_AUTOCAST_DEVICE_API
bool enabled(c10::DeviceType d) { return at::autocast::is_autocast_enabled(d); }
void set_enabled(c10::DeviceType d, bool on) { at::autocast::set_autocast_enabled(d, on); }
c10::ScalarType dtype(c10::DeviceType d) { return at::autocast::get_autocast_dtype(d); }
void set_dtype(c10::DeviceType d, c10::ScalarType t) { at::autocast::set_autocast_dtype(d, t); }
#else
bool enabled(c10::DeviceType d) { return d == c10::DeviceType::CUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled(); }
void set_enabled(c10::DeviceType d, bool on) {
  d == c10::DeviceType::CUDA ? at::autocast::set_enabled(on) : at::autocast::set_cpu_enabled(on);
}
c10::ScalarType dtype(c10::DeviceType d) {
  return d == c10::DeviceType::CUDA ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void set_dtype(c10::DeviceType d, c10::ScalarType t) {
  d == c10::DeviceType::CUDA ? at::autocast::set_autocast_gpu_dtype(t) : at::autocast::set_autocast_cpu_dtype(t);
}
#endif

}  // namespace

bool autocast_enabled(c10::DeviceType device) { return enabled(device); }

AutocastScope::AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> type) {
  if (!type) return;
  active_ = true;
  device_ = device;
  previous_enabled_ = enabled(device);
  previous_dtype_ = dtype(device);
  set_enabled(device, true);
  set_dtype(device, *type);
  at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
  if (!active_) return;
  // The cached low-precision copies of the weights are stale after the optimizer step.
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  set_enabled(device_, previous_enabled_);
  set_dtype(device_, previous_dtype_);
}

}  // namespace dino
