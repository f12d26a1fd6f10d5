#include "dino/data/file_image_source.h"

#include "dino/data/image_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace dino {
namespace fs = std::filesystem;

FileImageSource FileImageSource::open(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    std::ifstream in(path);
    std::vector<fs::path> files;
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
      if (line.empty() || line.front() == '#') continue;
      fs::path file(line);
      files.push_back(file.is_absolute() ? file : path.parent_path() / file);
    }
    if (files.empty()) throw std::runtime_error(path.string() + ": the list names no image files");
    return FileImageSource(std::move(files), {}, {});
  }
  if (!fs::is_directory(path, ec)) throw std::runtime_error(path.string() + ": no such folder or list file");
  std::vector<fs::path> class_folders;
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.is_directory(ec) && !is_hidden(entry.path())) class_folders.push_back(entry.path());
  std::sort(class_folders.begin(), class_folders.end());
  std::vector<fs::path> files;
  std::vector<int64_t> labels;
  std::vector<std::string> classes;
  for (const auto& folder : class_folders) {
    auto images = image_files_in(folder, true);
    if (images.empty()) continue;  // torchvision would fail on an empty class; we leave it out
    const auto label = static_cast<int64_t>(classes.size());
    classes.push_back(folder.filename().string());
    for (auto& image : images) {
      files.push_back(std::move(image));
      labels.push_back(label);
    }
  }
  if (files.empty()) {
    files = image_files_in(path, false);  // a flat folder of images, no labels
    if (files.empty()) throw std::runtime_error(path.string() + ": no image files (jpg, jpeg, png, ppm, bmp, pgm, tif, tiff, webp) found");
  }
  return FileImageSource(std::move(files), std::move(labels), std::move(classes));
}

FileImageSource::FileImageSource(std::vector<fs::path> files, std::vector<int64_t> labels, std::vector<std::string> classes)
    : files_(std::move(files)), labels_(std::move(labels)), classes_(std::move(classes)) {}

cv::Mat FileImageSource::rgb(int64_t index) const { return read_rgb_image(files_.at(static_cast<size_t>(index))); }

int64_t FileImageSource::label(int64_t index) const {
  return labels_.empty() ? -1 : labels_.at(static_cast<size_t>(index));
}

}  // namespace dino
