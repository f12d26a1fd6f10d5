// Logging for the whole product, backed by spdlog.
//
// This header deliberately exposes no spdlog or fmt: the PyTorch wheel ships fmt 12 headers on
// LibTorch's include path while Debian's spdlog is built against fmt 9, so a translation unit that
// sees torch's include directories must never include spdlog. Only log.cpp, compiled in a target
// that does not link torch, talks to spdlog. Callers pass finished strings.
#pragma once

#include <filesystem>
#include <functional>
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
// Also write everything to `file` (appending), e.g. a run's log. Throws std::runtime_error naming
// the file when it cannot be opened.
void add_file(const std::filesystem::path& file);
// Receive every message (the desktop app's log panel); pass nullptr to stop.
void set_listener(std::function<void(Level, const std::string&)> listener);

}  // namespace dino::log
