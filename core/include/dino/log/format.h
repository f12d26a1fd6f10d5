// Number formatting for log lines and progress (GCC 12 has no std::format).
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

// h:mm:ss
inline std::string duration(double seconds) {
  const auto s = static_cast<int64_t>(seconds);
  std::ostringstream out;
  out << s / 3600 << ':' << std::setw(2) << std::setfill('0') << (s / 60) % 60 << ':' << std::setw(2) << s % 60;
  return out.str();
}

}  // namespace dino::log
