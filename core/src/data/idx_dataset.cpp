#include "dino/data/idx_dataset.h"

#include <torch/torch.h>
#include <zlib.h>

#include <cstring>

namespace dino {
namespace {

std::string read_all(const std::filesystem::path& file) {
  gzFile in = gzopen(file.c_str(), "rb");  // reads plain files unchanged
  if (!in) throw IdxReadError(file.string() + ": cannot open");
  std::string data;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(in, buffer, sizeof buffer)) > 0) data.append(buffer, static_cast<size_t>(n));
  int error = 0;
  const char* message = gzerror(in, &error);
  const std::string why = message ? message : "";
  gzclose(in);
  if (n < 0 || (error != Z_OK && error != Z_STREAM_END)) throw IdxReadError(file.string() + ": read failed (" + why + ")");
  return data;
}

uint32_t big_endian(const std::string& data, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(data[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(data[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(data[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(data[at + 3]));
}

}  // namespace

at::Tensor read_idx_file(const std::filesystem::path& file) {
  const std::string data = read_all(file);
  if (data.size() < 4 || data[0] != 0 || data[1] != 0 || data[2] != 0x08)
    throw IdxReadError(file.string() + ": not an unsigned-byte IDX file");
  const int dims = static_cast<unsigned char>(data[3]);
  if (dims < 1 || dims > 4 || data.size() < 4 + 4 * static_cast<size_t>(dims))
    throw IdxReadError(file.string() + ": bad IDX header");
  std::vector<int64_t> shape;
  size_t count = 1;
  for (int i = 0; i < dims; ++i) {
    shape.push_back(big_endian(data, 4 + 4 * static_cast<size_t>(i)));
    count *= static_cast<size_t>(shape.back());
  }
  const size_t offset = 4 + 4 * static_cast<size_t>(dims);
  if (data.size() - offset != count)
    throw IdxReadError(file.string() + ": holds " + std::to_string(data.size() - offset) + " bytes of data, " +
                       std::to_string(count) + " expected from its header");
  auto tensor = torch::empty(shape, torch::kUInt8);
  std::memcpy(tensor.data_ptr(), data.data() + offset, count);
  return tensor;
}

IdxImages read_mnist_split(const std::filesystem::path& folder, const std::string& split) {
  auto find = [&](const std::string& stem) {
    for (const auto* suffix : {"-ubyte.gz", "-ubyte"}) {
      auto path = folder / (stem + suffix);
      if (std::filesystem::exists(path)) return path;
    }
    throw IdxReadError(folder.string() + ": no " + stem + "-ubyte(.gz) file");
  };
  IdxImages result;
  result.images = read_idx_file(find(split + "-images-idx3"));
  result.labels = read_idx_file(find(split + "-labels-idx1")).to(torch::kLong);
  if (result.images.dim() != 3 || result.labels.dim() != 1 || result.images.size(0) != result.labels.size(0))
    throw IdxReadError(folder.string() + ": " + split + " images and labels do not match");
  return result;
}

}  // namespace dino
