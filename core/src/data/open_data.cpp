#include "dino/data/open_data.h"

#include "dino/data/file_image_source.h"

namespace dino {

std::filesystem::path resolve_data_path(const std::string& data_path) {
  return data_path == "fashion-mnist" ? kFashionMnistDir : std::filesystem::path(data_path);
}

bool is_mnist_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  return std::filesystem::exists(folder / "train-images-idx3-ubyte.gz", ec) ||
         std::filesystem::exists(folder / "train-images-idx3-ubyte", ec);
}

std::shared_ptr<const ImageSource> open_image_source(const std::string& data_path, int64_t limit) {
  const auto path = resolve_data_path(data_path);
  if (is_mnist_folder(path)) return std::make_shared<IdxImageSource>(read_mnist_split(path, "train"), limit);
  if (!std::filesystem::exists(path))
    throw std::runtime_error(data_path + ": no such folder or file ('fashion-mnist' is the built-in demo data set)");
  auto files = FileImageSource::open(path);
  if (limit <= 0 || limit >= files.size()) return std::make_shared<FileImageSource>(std::move(files));
  std::vector<std::filesystem::path> kept;
  std::vector<int64_t> labels;
  for (int64_t i = 0; i < limit; ++i) {
    kept.push_back(files.file(i));
    labels.push_back(files.label(i));
  }
  return std::make_shared<FileImageSource>(std::move(kept), files.num_classes() ? labels : std::vector<int64_t>{},
                                           files.classes());
}

}  // namespace dino
