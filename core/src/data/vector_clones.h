// Pixel loops compiled for AVX-512 (x86-64-v4), AVX2 (x86-64-v3) and baseline x86-64, the version
// chosen when the program starts (GCC's target_clones), so one binary runs everywhere and uses the
// wide units where they exist. Only on loops whose every version gives the same bytes: integer
// arithmetic, or float arithmetic under -ffp-contract=off (core/CMakeLists.txt), which keeps the
// AVX2 versions from fusing a multiply and an add into one differently rounded FMA.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define DINO_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define DINO_VECTOR_CLONES
#endif
