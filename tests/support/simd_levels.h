// Data-driven Qt Test rows for the SIMD levels of the pixel loops (dino/system/simd_level.h): one
// row per level the binary holds, so every compiled copy of a loop is checked on every machine.
// A row whose level this CPU cannot run is skipped with the reason in the output, never passed.
#pragma once

#include <dino/system/simd_level.h>

#include <QtTest>

namespace dino::test {

// In a test's _data() function.
inline void add_simd_level_rows() {
  QTest::addColumn<int>("simd_level");
  for (const SimdLevel level : all_simd_levels())
    QTest::newRow(simd_level_name(level).c_str()) << static_cast<int>(level);
}

// Restores the level in use when the test function ends, whichever way it ends.
class SimdLevelScope {
 public:
  explicit SimdLevelScope(SimdLevel level) : previous_(simd_level()) { set_simd_level(level); }
  ~SimdLevelScope() { set_simd_level(previous_); }
  SimdLevelScope(const SimdLevelScope&) = delete;
  SimdLevelScope& operator=(const SimdLevelScope&) = delete;

 private:
  SimdLevel previous_;
};

}  // namespace dino::test

// In the test function: fetches the row's level, skips the row when the CPU lacks it, and runs the
// rest of the function at that level.
#define DINO_USE_SIMD_LEVEL_OR_SKIP()                                                                       \
  QFETCH(int, simd_level);                                                                                  \
  const auto dino_simd_level_ = static_cast<dino::SimdLevel>(simd_level);                                   \
  if (dino_simd_level_ > dino::cpu_simd_level())                                                            \
    QSKIP(qPrintable(QStringLiteral("this CPU runs SIMD level %1 at most; the %2 loops are checked on a CPU " \
                                    "that has them")                                                        \
                         .arg(QString::fromStdString(dino::simd_level_name(dino::cpu_simd_level())),        \
                              QString::fromStdString(dino::simd_level_name(dino_simd_level_)))));           \
  const dino::test::SimdLevelScope dino_simd_level_scope_(dino_simd_level_)
