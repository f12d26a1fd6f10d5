// Writing a file so that it appears complete or not at all.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace dino::io {

// Calls `write` on a temporary file beside `file`, flushes it to disk, then renames it over `file`.
// If `write` throws or the disk fails, the temporary file is removed, `file` keeps its previous
// content, and the error propagates (std::runtime_error naming the file for I/O failures).
void write_atomically(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write);

}  // namespace dino::io
