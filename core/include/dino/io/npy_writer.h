// NumPy's .npy format (version 1.0), written atomically.
#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>

namespace dino::io {

// Writes a float32, float64, uint8, int32 or int64 tensor (any shape, C order). Throws
// std::runtime_error naming the file on failure; a failed write leaves no partial file.
void write_npy(const std::filesystem::path& file, const at::Tensor& tensor);

// The 1.0 header (magic, version, length, dict padded to a multiple of 64 bytes).
std::string npy_header(const at::Tensor& tensor);

}  // namespace dino::io
