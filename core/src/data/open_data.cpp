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

namespace {
std::shared_ptr<const ImageSource> evenly_spaced(const FileImageSource& files, int64_t limit);
}  // namespace

std::shared_ptr<const ImageSource> open_image_source(const std::string& data_path, int64_t limit, bool spread) {
  const auto path = resolve_data_path(data_path);
  if (is_mnist_folder(path)) return std::make_shared<IdxImageSource>(read_mnist_split(path, "train"), limit);
  if (!std::filesystem::exists(path))
    throw std::runtime_error(data_path + ": no such folder or file ('fashion-mnist' is the built-in demo data set)");
  auto files = FileImageSource::open(path);
  if (limit <= 0 || limit >= files.size()) return std::make_shared<FileImageSource>(std::move(files));
  if (spread) return evenly_spaced(files, limit);
  std::vector<std::filesystem::path> kept;
  std::vector<int64_t> labels;
  for (int64_t i = 0; i < limit; ++i) {
    kept.push_back(files.file(i));
    labels.push_back(files.label(i));
  }
  return std::make_shared<FileImageSource>(std::move(kept), files.num_classes() ? labels : std::vector<int64_t>{},
                                           files.classes());
}

namespace {

std::shared_ptr<const ImageSource> evenly_spaced(const FileImageSource& files, int64_t limit) {
  if (limit <= 0 || limit >= files.size()) return std::make_shared<FileImageSource>(files);
  std::vector<std::filesystem::path> kept;
  std::vector<int64_t> labels;
  for (int64_t i = 0; i < limit; ++i) {
    const int64_t index = i * files.size() / limit;
    kept.push_back(files.file(index));
    labels.push_back(files.label(index));
  }
  return std::make_shared<FileImageSource>(std::move(kept), files.num_classes() ? labels : std::vector<int64_t>{},
                                           files.classes());
}

std::shared_ptr<const ImageSource> labelled_folder(const std::filesystem::path& folder, int64_t limit) {
  auto files = FileImageSource::open(folder);
  if (files.num_classes() == 0)
    throw std::runtime_error(folder.string() + ": k-NN needs class sub-folders (labels), found only loose images");
  return evenly_spaced(files, limit);
}

}  // namespace

bool has_labelled_splits(const std::string& data_path) {
  const auto path = resolve_data_path(data_path);
  std::error_code ec;
  return is_mnist_folder(path) ||
         (std::filesystem::is_directory(path / "train", ec) && std::filesystem::is_directory(path / "val", ec));
}

LabelledSplits open_labelled_splits(const std::string& data_path, int64_t train_limit, int64_t test_limit) {
  const auto path = resolve_data_path(data_path);
  LabelledSplits splits;
  if (is_mnist_folder(path)) {
    splits.train = std::make_shared<IdxImageSource>(read_mnist_split(path, "train"), train_limit);
    splits.test = std::make_shared<IdxImageSource>(read_mnist_split(path, "t10k"), test_limit);
    splits.description = path.string() + " (MNIST layout, train and t10k)";
    return splits;
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw std::runtime_error(data_path + ": no such folder");
  if (!has_labelled_splits(data_path))
    throw std::runtime_error(data_path +
                             ": expected train/ and val/ folders of class folders, or an MNIST-layout folder");
  splits.train = labelled_folder(path / "train", train_limit);
  splits.test = labelled_folder(path / "val", test_limit);
  splits.description = (path / "train").string() + " and " + (path / "val").string();
  return splits;
}

}  // namespace dino
