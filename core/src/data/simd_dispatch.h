// The pixel loops compiled once per SIMD level (dino/system/simd_level.h) and called at the level
// in use. Private to core's data library.
//
// A loop is written once, as a plain function marked DINO_PIXEL_LOOP, and called through
// run_pixel_loop<loop>(arguments...) (run_pixel_loop<loop, true> for a loop whose pointers never
// alias). GCC inlines it into three copies compiled for x86-64-v4,
// x86-64-v3 and baseline x86-64 (target attributes, the same ISA levels as GCC's target_clones),
// and each copy vectorises for its instruction set. Unlike target_clones, whose choice the loader
// makes once and for good, the copy runs at simd_level(), so a test can run every copy on one
// machine. Only loops whose every copy gives the same bytes belong here: integer arithmetic, or
// float arithmetic under -ffp-contract=off (core/CMakeLists.txt), which keeps the x86-64-v3 and v4
// copies from fusing a multiply and an add into one differently rounded FMA.
//
// The copies must stay in this form (templates over a loop inlined into them): code compiled with
// -mavx512f for a whole file would also give the linker AVX-512 copies of every inline function the
// file instantiates, and an older CPU could end up calling one.
#pragma once

#include "dino/system/simd_level.h"

#include <type_traits>

namespace dino::detail {

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)

#define DINO_PIXEL_LOOP [[gnu::always_inline]] inline

// A loop's pointer arguments reach its copies __restrict-qualified when the loop is run with
// kNoAlias: the vectoriser needs to know that no two of them overlap where one is written (the
// hue table and the pixels it rewrites), and it does not learn it from the qualifiers of the
// inlined loop's own parameters.
template <class T>
struct NoAlias {
  using type = T;
};
template <class T>
struct NoAlias<T*> {
  using type = T* __restrict;
};
template <bool kNoAlias, class T>
using PixelLoopArg = std::conditional_t<kNoAlias, typename NoAlias<T>::type, T>;

template <auto Loop, bool kNoAlias, class... Args>
[[gnu::target("arch=x86-64-v4")]] auto pixel_loop_x86_64_v4(PixelLoopArg<kNoAlias, Args>... args) {
  return Loop(args...);
}

template <auto Loop, bool kNoAlias, class... Args>
[[gnu::target("arch=x86-64-v3")]] auto pixel_loop_x86_64_v3(PixelLoopArg<kNoAlias, Args>... args) {
  return Loop(args...);
}

template <auto Loop, bool kNoAlias, class... Args>
auto pixel_loop_baseline(PixelLoopArg<kNoAlias, Args>... args) {
  return Loop(args...);
}

#define DINO_SIMD_COPIES 1

// Which copy runs at each level (the tests check this table; the copies themselves give the same
// bytes, so a wrong entry would show nowhere else).
enum class PixelLoopCopy { baseline, x86_64_v3, x86_64_v4 };
constexpr PixelLoopCopy pixel_loop_copy(SimdLevel level) {
  switch (level) {
    case SimdLevel::avx512:
    case SimdLevel::avx512_vnni: return PixelLoopCopy::x86_64_v4;
    case SimdLevel::avx2: return PixelLoopCopy::x86_64_v3;
    case SimdLevel::baseline: break;
  }
  return PixelLoopCopy::baseline;
}

template <auto Loop, bool kNoAlias = false, class... Args>
auto run_pixel_loop(Args... args) {
  switch (pixel_loop_copy(simd_level())) {
    case PixelLoopCopy::x86_64_v4: return pixel_loop_x86_64_v4<Loop, kNoAlias, Args...>(args...);
    case PixelLoopCopy::x86_64_v3: return pixel_loop_x86_64_v3<Loop, kNoAlias, Args...>(args...);
    case PixelLoopCopy::baseline: break;
  }
  return pixel_loop_baseline<Loop, kNoAlias, Args...>(args...);
}

#else

#define DINO_PIXEL_LOOP inline
#define DINO_SIMD_COPIES 0

template <auto Loop, bool kNoAlias = false, class... Args>
auto run_pixel_loop(Args... args) {
  return Loop(args...);
}

#endif

}  // namespace dino::detail
