#include "dino/data/image_files.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace dino {
namespace fs = std::filesystem;

bool is_hidden(const fs::path& p) { return !p.filename().empty() && p.filename().string().front() == '.'; }

std::vector<fs::path> image_files_in(const fs::path& folder, bool recursive) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (recursive) {
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::follow_directory_symlink, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (is_hidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && has_image_extension(it->path())) files.push_back(it->path());
    }
  } else {
    for (const auto& entry : fs::directory_iterator(folder, ec))
      if (!is_hidden(entry.path()) && entry.is_regular_file(ec) && has_image_extension(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool has_image_extension(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* known : {".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"})
    if (ext == known) return true;
  return false;
}

}  // namespace dino
