// The message of the exception of type E that `f` throws, or an empty string when it throws none:
// for tests that check a refusal names the file, key or flag at fault. An exception of another
// type propagates (and fails the test).
#pragma once

#include <QString>

#include <exception>

template <typename E = std::exception, typename F>
QString error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}
