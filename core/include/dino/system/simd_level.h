// Which vector instruction set the pixel loops (resampling, blur, colour operations) run with.
//
// Every loop is compiled once per level into one binary and the level is chosen at run time: the
// best this CPU runs, or a lower one asked for through set_simd_level() or the DINO_SIMD
// environment variable. A lower level on a capable CPU runs exactly the code an older CPU runs, so
// one machine can test every path the binary holds (tests/core/data) and benchmark an older CPU's
// path (docs/benchmarks.md). Every level gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dino {

// In order; each level includes the ones before it.
enum class SimdLevel {
  baseline,     // x86-64 as every 64-bit x86 CPU has it (SSE2); other architectures
  avx2,         // x86-64-v3: AVX2, FMA, BMI (Haswell, Zen and later); adds the SSSE3 transposes
  avx512,       // x86-64-v4: AVX-512 F, BW, CD, DQ, VL (Skylake-SP, Ice Lake, Zen 4 and later)
  avx512_vnni,  // x86-64-v4 plus AVX-512 VNNI: the resampling's row sums through vpdpwssd
};

// The highest level this CPU runs.
SimdLevel cpu_simd_level();
// The level the loops use now: DINO_SIMD's (read once, at the first call) or else the CPU's, until
// set_simd_level() changes it.
SimdLevel simd_level();
// Process-wide; throws std::invalid_argument naming the level when this CPU cannot run it.
void set_simd_level(SimdLevel level);

// Every level, lowest first; "baseline", "avx2", "avx512", "avx512_vnni" <-> SimdLevel.
std::vector<SimdLevel> all_simd_levels();
std::string simd_level_name(SimdLevel level);
std::optional<SimdLevel> parse_simd_level(const std::string& name);

// One line for logs: the level in use and why ("avx2 (DINO_SIMD; the CPU runs avx512_vnni)").
std::string describe_simd_level();

}  // namespace dino
