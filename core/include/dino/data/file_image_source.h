// Image files as a data set: a folder of class sub-folders (torchvision's ImageFolder: labels from
// the sorted folder names), a flat folder (no labels), or a text file listing one path per line.
#pragma once

#include "dino/data/image_files.h"
#include "dino/data/image_source.h"

#include <filesystem>
#include <string>
#include <vector>

namespace dino {

class FileImageSource : public ImageSource {
 public:
  // Folder or list file. Hidden files and folders (names starting with '.') and files without an
  // image extension are skipped. Throws std::runtime_error naming the path when nothing is found.
  static FileImageSource open(const std::filesystem::path& path);

  FileImageSource(std::vector<std::filesystem::path> files, std::vector<int64_t> labels, std::vector<std::string> classes);

  int64_t size() const override { return static_cast<int64_t>(files_.size()); }
  cv::Mat rgb(int64_t index) const override;  // throws ImageReadError for an undecodable file
  int64_t label(int64_t index) const override;
  int64_t num_classes() const override { return static_cast<int64_t>(classes_.size()); }
  const std::vector<std::string>& classes() const { return classes_; }
  const std::filesystem::path& file(int64_t index) const { return files_.at(static_cast<size_t>(index)); }

 private:
  std::vector<std::filesystem::path> files_;
  std::vector<int64_t> labels_;
  std::vector<std::string> classes_;
};

}  // namespace dino
