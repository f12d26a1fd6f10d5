#include "dino/io/torch_file.h"

#include "dino/io/atomic_file.h"
#include "dino/io/pickle_reader.h"
#include "dino/io/pickle_writer.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>

#include <cstring>
#include <fstream>

namespace dino::io {

FileFormatError::FileFormatError(const std::filesystem::path& file, const std::string& what)
    : std::runtime_error(file.string() + ": " + what), file_(file) {}

namespace {

// The first bytes tell a zip archive (torch.save >= 1.6) from the legacy tar/pickle stream.
std::string sniff(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  if (in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) return "zip";
  if (in.gcount() >= 2 && static_cast<unsigned char>(magic[0]) == 0x80) return "legacy";
  return "other";
}

std::string first_line(const std::string& text) {
  auto end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}

}  // namespace

PyValue load_torch_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) throw FileFormatError(file, "no such file");
  if (std::filesystem::file_size(file, ec) == 0) throw FileFormatError(file, "the file is empty");
  const std::string kind = sniff(file);
  if (kind == "legacy")
    throw FileFormatError(file, "written in PyTorch's pre-1.6 format; load it in Python and torch.save it again");
  if (kind != "zip") throw FileFormatError(file, "not a PyTorch file (no zip archive header)");
  try {
    caffe2::serialize::PyTorchStreamReader archive(file.string());
    if (!archive.hasRecord("data.pkl")) throw FileFormatError(file, "the archive holds no data.pkl");
    if (archive.hasRecord("byteorder")) {
      auto [bytes, size] = archive.getRecord("byteorder");
      std::string order(static_cast<const char*>(bytes.get()), size);
      if (order != "little") throw FileFormatError(file, "stored in " + order + "-endian byte order");
    }
    auto [pickle, pickle_size] = archive.getRecord("data.pkl");
    StorageLoader load_storage = [&](const std::string& key, c10::ScalarType dtype, int64_t numel) {
      const std::string record = "data/" + key;
      if (!archive.hasRecord(record)) throw std::runtime_error("storage record " + record + " is missing");
      auto [bytes, size] = archive.getRecord(record);
      const size_t expected = static_cast<size_t>(numel) * c10::elementSize(dtype);
      if (size < expected)
        throw std::runtime_error("storage record " + record + " holds " + std::to_string(size) + " bytes, " +
                                 std::to_string(expected) + " expected");
      auto storage = torch::empty({numel}, torch::TensorOptions().dtype(dtype));
      if (expected) std::memcpy(storage.data_ptr(), bytes.get(), expected);
      return storage;
    };
    return read_pickle(static_cast<const uint8_t*>(pickle.get()), pickle_size, load_storage);
  } catch (const FileFormatError&) {
    throw;
  } catch (const std::exception& e) {
    // c10 errors carry a backtrace after the first line; people need the first line.
    throw FileFormatError(file, "unreadable PyTorch file: " + first_line(e.what()));
  }
}

void save_torch_file(const std::filesystem::path& file, const PyValue& value) {
  try {
    write_atomically(file, [&](std::ostream& out) {
      caffe2::serialize::PyTorchStreamWriter archive([&out](const void* data, size_t size) -> size_t {
        out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        return out ? size : 0;
      });
      std::vector<at::Tensor> storages;
      const std::string pickle = write_pickle(value, [&storages](const at::Tensor& tensor) {
        storages.push_back(tensor);
        return std::to_string(storages.size() - 1);
      });
      archive.writeRecord("data.pkl", pickle.data(), pickle.size());
      static const std::string kLittle = "little";
      archive.writeRecord("byteorder", kLittle.data(), kLittle.size());
      for (size_t i = 0; i < storages.size(); ++i)
        archive.writeRecord("data/" + std::to_string(i), storages[i].data_ptr(), storages[i].nbytes());
      archive.writeEndOfFile();
    });
  } catch (const FileFormatError&) {
    throw;
  } catch (const std::exception& e) {
    throw FileFormatError(file, std::string("cannot save: ") + first_line(e.what()));
  }
}

}  // namespace dino::io
