// Opening a data set from what a user types as --data_path.
#pragma once

#include "dino/data/image_source.h"

#include <filesystem>
#include <memory>
#include <string>

namespace dino {

// "fashion-mnist" names the built-in demo folder; anything else is a path.
std::filesystem::path resolve_data_path(const std::string& data_path);
// A folder in MNIST's layout (train-images-idx3-ubyte[.gz] and friends).
bool is_mnist_folder(const std::filesystem::path& folder);
// An MNIST-layout folder's train split, a folder of class folders or of images, or a list file;
// `limit` > 0 keeps the first `limit` images. Throws std::runtime_error naming the path.
// `limit` keeps the first images; with `spread`, images evenly spaced over a folder instead (so a
// folder sorted by class keeps every class; MNIST-format files are shuffled already and keep their first).
std::shared_ptr<const ImageSource> open_image_source(const std::string& data_path, int64_t limit = 0, bool spread = false);

// The labelled train and test splits k-NN evaluation needs (reference.md §5.1): an MNIST-layout folder's
// train and t10k files, or a folder holding train/ and val/ class folders. A limit > 0 keeps that
// many images: the first ones of MNIST (already shuffled), evenly spaced ones of a class folder
// (sorted by class). Throws std::runtime_error naming the path and what is missing.
struct LabelledSplits {
  std::shared_ptr<const ImageSource> train, test;
  std::string description;  // "Fashion-MNIST train/t10k", "<path>/train and <path>/val"
};
LabelledSplits open_labelled_splits(const std::string& data_path, int64_t train_limit = 0, int64_t test_limit = 0);
bool has_labelled_splits(const std::string& data_path);

}  // namespace dino
