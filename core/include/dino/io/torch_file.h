// PyTorch's file format (torch.save since 1.6: a zip archive holding data.pkl and one record per
// storage), read safely and written atomically.
#pragma once

#include "dino/io/py_value.h"

#include <filesystem>
#include <stdexcept>

namespace dino::io {

// Every failure to read or write a file names it.
class FileFormatError : public std::runtime_error {
 public:
  FileFormatError(const std::filesystem::path& file, const std::string& what);
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

// Reads a torch.save file. Tensors land on the CPU. Unknown Python classes stay inert
// (py_value.h). Throws FileFormatError for a missing, truncated, legacy-format or foreign file.
PyValue load_torch_file(const std::filesystem::path& file);

// Writes `value` so that Python's torch.load reads it. The file appears complete or not at all:
// the data goes to a temporary file beside it, is flushed to disk, then renamed over `file`.
void save_torch_file(const std::filesystem::path& file, const PyValue& value);

}  // namespace dino::io
