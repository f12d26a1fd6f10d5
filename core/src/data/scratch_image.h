// Scratch images over memory a thread keeps between calls: intermediates that are rewritten for
// every crop (transposes, blur passes) would otherwise be fresh allocations, whose pages fault
// in on first touch each time. Private to core's data library.
#pragma once

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <vector>

namespace dino::detail {

// A rows x cols image of `type` over `memory`, grown when too small. Valid until `memory` is used
// for another scratch image.
inline cv::Mat scratch_image(std::vector<uint8_t>& memory, int rows, int cols, int type) {
  const size_t bytes = static_cast<size_t>(rows) * static_cast<size_t>(cols) * CV_ELEM_SIZE(type);
  if (memory.size() < bytes) memory.resize(bytes);
  return cv::Mat(rows, cols, type, memory.data());
}

}  // namespace dino::detail
