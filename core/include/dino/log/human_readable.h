// Number and word formatting for log lines, progress and command lines (GCC 12 has no std::format).
#pragma once

#include <cstdint>
#include <iomanip>
#include <sstream>
#include <string>

namespace dino::log {

// 1,234,567
inline std::string thousands(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

inline std::string fixed(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

inline std::string scientific(double value, int digits = 3) {
  std::ostringstream out;
  out << std::scientific << std::setprecision(digits) << value;
  return out.str();
}

// A value as a shell word: bare when safe, single-quoted otherwise (for command lines users copy).
inline std::string shell_word(const std::string& text) {
  const bool safe = !text.empty() && text.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789-_./:=+,") == std::string::npos;
  if (safe) return text;
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// "350 MiB", "1.2 GiB": a size in memory, to three figures at most.
inline std::string byte_size(double bytes) {
  const char* units[] = {" B", " KiB", " MiB", " GiB", " TiB", " PiB"};
  int unit = 0;
  while (bytes >= 1024 && unit < 5) {
    bytes /= 1024;
    ++unit;
  }
  std::string out = fixed(bytes, unit == 0 || bytes >= 10 ? 0 : 1);
  out += units[unit];
  return out;
}

// "3 h 20 min": a duration as people say it, to the second below a minute, to the minute below a
// day, to the hour above. (Built by appending: GCC 12 warns falsely, -Wrestrict, on "x" + string.)
inline std::string rounded_duration(double seconds) {
  const auto s = static_cast<int64_t>(seconds + 0.5);
  std::string out;
  auto part = [&out](int64_t value, const char* unit) {
    if (!out.empty()) out += ' ';
    out += std::to_string(value);
    out += unit;
  };
  const int64_t minutes = (s + 30) / 60;
  if (s < 60) {
    part(s < 0 ? 0 : s, " s");
  } else if (minutes < 60) {
    part(minutes, " min");
  } else if (minutes < 24 * 60) {
    part(minutes / 60, " h");
    if (minutes % 60) part(minutes % 60, " min");
  } else {
    const int64_t hours = (minutes + 30) / 60;
    part(hours / 24, " d");
    if (hours % 24) part(hours % 24, " h");
  }
  return out;
}

// "about 3 h 20 min": a time left.
inline std::string approximate_duration(double seconds) {
  std::string out = "about ";
  out += rounded_duration(seconds);
  return out;
}

}  // namespace dino::log
