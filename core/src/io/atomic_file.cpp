#include "dino/io/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace dino::io {
namespace {

void fsync_path(const std::filesystem::path& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

void write_atomically(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write) {
  const auto directory = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  const auto temporary = directory / (file.filename().string() + ".tmp-" + std::to_string(::getpid()));
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error(file.string() + ": cannot create " + temporary.string() + ": " + std::strerror(errno));
      write(out);
      out.flush();
      if (!out) throw std::runtime_error(file.string() + ": write failed: " + std::strerror(errno));
    }
    fsync_path(temporary, false);
    std::filesystem::rename(temporary, file);
    fsync_path(directory, true);
  } catch (...) {
    std::filesystem::remove(temporary, ec);
    throw;
  }
}

}  // namespace dino::io
