// Mixed precision for a block of code: LibTorch's autocast for one device type and dtype, with the
// previous state restored (and the cast-weight cache cleared) when the scope ends.
#pragma once

#include <c10/core/DeviceType.h>
#include <c10/core/ScalarType.h>

#include <optional>

namespace dino {

// Whether autocast is on for the device type in this thread.
bool autocast_enabled(c10::DeviceType device);

class AutocastScope {
 public:
  // With no dtype the scope does nothing (full precision).
  AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> dtype);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool active_ = false;
  c10::DeviceType device_ = c10::DeviceType::CPU;
  bool previous_enabled_ = false;
  c10::ScalarType previous_dtype_ = c10::ScalarType::BFloat16;
};

}  // namespace dino
