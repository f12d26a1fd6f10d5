// MNIST-format IDX files (gzip or not): Fashion-MNIST, the built-in demo data set.
#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace dino {

inline const std::filesystem::path kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

struct IdxImages {
  at::Tensor images;  // (N, H, W) uint8
  at::Tensor labels;  // (N,) int64
};

class IdxReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads one IDX file (magic 0x0801 for labels, 0x0803 for images; ".gz" is decompressed) into
// a uint8 tensor. Throws IdxReadError naming the file on any inconsistency.
at::Tensor read_idx_file(const std::filesystem::path& file);

// The "train" (60,000) or "t10k" (10,000) split of an MNIST-layout folder.
IdxImages read_mnist_split(const std::filesystem::path& folder, const std::string& split);

}  // namespace dino
