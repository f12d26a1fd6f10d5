#include "dino/system/simd_level.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace dino {
namespace {

SimdLevel detect_cpu_level() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
#if !defined(__clang__)
  // The micro-architecture levels as GCC defines them, the same names the target attributes in
  // core/src/data/simd_dispatch.h compile for.
  const bool v3 = __builtin_cpu_supports("x86-64-v3");
  const bool v4 = __builtin_cpu_supports("x86-64-v4");
#else
  // Clang builds one copy of the loops (core/src/data/simd_dispatch.h), but the SSSE3 transposes
  // and the VNNI sums still follow the level: the features that make up x86-64-v3 and v4.
  const bool v3 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi") &&
                  __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("f16c") && __builtin_cpu_supports("movbe") &&
                  __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("ssse3") && __builtin_cpu_supports("sse4.2");
  const bool v4 = v3 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                  __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq") &&
                  __builtin_cpu_supports("avx512vl");
#endif
  if (!v3) return SimdLevel::baseline;
  if (!v4) return SimdLevel::avx2;
  return __builtin_cpu_supports("avx512vnni") ? SimdLevel::avx512_vnni : SimdLevel::avx512;
#else
  return SimdLevel::baseline;
#endif
}

struct Choice {
  SimdLevel level;
  std::string reason;
};

// The level at start: the CPU's, lowered by DINO_SIMD. A value that is no level, or one above the
// CPU's, is not an error (the variable may be set for a whole cluster): it is named in the log line.
Choice initial_choice() {
  const SimdLevel cpu = cpu_simd_level();
  const char* env = std::getenv("DINO_SIMD");
  if (env == nullptr || *env == '\0') return {cpu, "the CPU's best"};
  const auto asked = parse_simd_level(env);
  if (!asked) {
    std::string levels;
    for (const SimdLevel level : all_simd_levels()) levels += (levels.empty() ? "" : ", ") + simd_level_name(level);
    return {cpu, "the CPU's best; DINO_SIMD=" + std::string(env) + " is not one of " + levels};
  }
  if (*asked > cpu) return {cpu, "the CPU's best; it cannot run DINO_SIMD=" + std::string(env)};
  return {*asked, "DINO_SIMD; the CPU runs " + simd_level_name(cpu)};
}

std::once_flag g_once;
std::atomic<SimdLevel> g_level{SimdLevel::baseline};
std::string g_reason;  // written once under g_once, then only by set_simd_level
std::mutex g_reason_mutex;

void ensure_initialised() {
  std::call_once(g_once, [] {
    const Choice choice = initial_choice();
    g_reason = choice.reason;
    g_level = choice.level;
  });
}

}  // namespace

SimdLevel cpu_simd_level() {
  static const SimdLevel level = detect_cpu_level();
  return level;
}

SimdLevel simd_level() {
  ensure_initialised();
  return g_level.load(std::memory_order_relaxed);
}

void set_simd_level(SimdLevel level) {
  ensure_initialised();
  if (level > cpu_simd_level())
    throw std::invalid_argument("SIMD level " + simd_level_name(level) + ": this CPU runs at most " +
                                simd_level_name(cpu_simd_level()));
  std::lock_guard lock(g_reason_mutex);
  g_reason = level == cpu_simd_level() ? "the CPU's best" : "chosen; the CPU runs " + simd_level_name(cpu_simd_level());
  g_level = level;
}

std::vector<SimdLevel> all_simd_levels() {
  return {SimdLevel::baseline, SimdLevel::avx2, SimdLevel::avx512, SimdLevel::avx512_vnni};
}

std::string simd_level_name(SimdLevel level) {
  switch (level) {
    case SimdLevel::baseline: return "baseline";
    case SimdLevel::avx2: return "avx2";
    case SimdLevel::avx512: return "avx512";
    case SimdLevel::avx512_vnni: return "avx512_vnni";
  }
  return "baseline";
}

std::optional<SimdLevel> parse_simd_level(const std::string& name) {
  for (const SimdLevel level : all_simd_levels())
    if (simd_level_name(level) == name) return level;
  return std::nullopt;
}

std::string describe_simd_level() {
  ensure_initialised();
  std::lock_guard lock(g_reason_mutex);  // set_simd_level changes both under it
  return simd_level_name(g_level.load()) + " (" + g_reason + ")";
}

}  // namespace dino
