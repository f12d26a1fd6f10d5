// The message of the exception `f` throws, or an empty string when it throws none: for tests that
// check a refusal names the file, key or flag at fault.
#pragma once

#include <QString>

#include <exception>

template <typename F>
QString error_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}
