// Logging for the whole product, backed by spdlog.
//
// This header deliberately exposes no spdlog or fmt: the PyTorch wheel ships fmt 12 headers on
// LibTorch's include path while Debian's spdlog is built against fmt 9, so a translation unit that
// sees torch's include directories must never include spdlog. Only log.cpp, compiled in a target
// that does not link torch, talks to spdlog. Callers pass finished strings.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace dino::log {

enum class Level { Debug, Info, Warning, Error };

void write(Level level, std::string_view message);
inline void debug(std::string_view message) { write(Level::Debug, message); }
inline void info(std::string_view message) { write(Level::Info, message); }
inline void warn(std::string_view message) { write(Level::Warning, message); }
inline void error(std::string_view message) { write(Level::Error, message); }

void set_level(Level level);
// Also writes everything to `file` (appending) for as long as it lives: a run's log is owned by
// the run, so a later run in the same process (the desktop app) writes only to its own file, and
// the file is closed when the run ends. Safe while other threads log. Throws std::runtime_error
// naming the file when it cannot be opened.
class FileSink {
 public:
  explicit FileSink(const std::filesystem::path& file);
  ~FileSink();
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

 private:
  struct Impl;  // spdlog's sink, out of this header (see above)
  std::unique_ptr<Impl> impl_;
};
// Receive every message (the desktop app's log panel); pass nullptr to stop.
void set_listener(std::function<void(Level, const std::string&)> listener);

}  // namespace dino::log
