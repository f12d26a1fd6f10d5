// How the training process uses the C library's heap for tensor memory on the host.
#pragma once

#include <cstdint>

namespace dino {

// A training step frees and allocates the same few gigabytes of activations and gradients every
// iteration. By default glibc serves every block over its (at most 32 MiB) mmap threshold with a
// fresh mmap and hands freed heap tops back to the kernel, so each step page-faults and zeroes that
// memory again: 7% of a ViT-S/16 step on the CPU was kernel time (docs/benchmarks.md). After this
// call the heap keeps freed memory for the next step instead. Process-wide, so the owner of the
// process's training asks for it (TrainingSession::run, the step benchmark), never the library's
// classes; idempotent, and a no-op outside glibc.
void keep_freed_host_memory();

// Hands the heap's unused memory back to the system, for when a run ends in a process that lives
// on (the desktop app). True when some memory went back (glibc's malloc_trim); false outside glibc.
bool release_freed_host_memory();

// Bytes the heap holds free for reuse, and bytes in blocks it mapped on their own (glibc's
// mallinfo2 fordblks and hblkhd; -1 outside glibc). For tests and diagnostics.
struct HostHeapFigures {
  int64_t free_bytes = -1;
  int64_t mapped_bytes = -1;
};
HostHeapFigures host_heap_figures();

// Bytes the system could give this process now without swapping (/proc/meminfo's MemAvailable), and
// the process's peak resident size so far (/proc/self/status's VmHWM); -1 where they cannot be read.
// Budgets and benchmarks read them; nothing asserts on them.
int64_t available_host_memory();
int64_t peak_resident_memory();
// Starts the peak over from the resident size now (Linux 4.0 and later; false where it cannot), so
// a benchmark can read the peak of one piece of work.
bool reset_peak_resident_memory();

}  // namespace dino
