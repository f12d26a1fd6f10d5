#include "dino/system/host_memory.h"

#include <fstream>
#include <stdexcept>
#include <mutex>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace dino {

void keep_freed_host_memory() {
#if defined(__GLIBC__)
  static std::once_flag once;
  std::call_once(once, [] {
    // No block gets an mmap of its own (glibc still maps when a thread's arena cannot grow), and
    // free memory at the heap's top is never trimmed (-1, as mallopt(3) documents). Both settings
    // also stop glibc's dynamic threshold, which would otherwise keep moving with the largest
    // freed block.
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, -1);
  });
#endif
}

bool release_freed_host_memory() {
#if defined(__GLIBC__)
  return malloc_trim(0) == 1;
#else
  return false;
#endif
}

HostHeapFigures host_heap_figures() {
  HostHeapFigures figures;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  const struct mallinfo2 info = mallinfo2();
  figures.free_bytes = static_cast<int64_t>(info.fordblks);
  figures.mapped_bytes = static_cast<int64_t>(info.hblkhd);
#endif
  return figures;
}

namespace {

// The value of a "Key:   1234 kB" line of a /proc file, in bytes; -1 when the file or key is missing.
int64_t proc_kilobytes(const char* file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, key.size(), key) != 0) continue;
    try {
      return std::stoll(line.substr(key.size())) * 1024;  // stoll skips the padding
    } catch (const std::exception&) {
      return -1;
    }
  }
  return -1;
}

}  // namespace

int64_t available_host_memory() { return proc_kilobytes("/proc/meminfo", "MemAvailable:"); }

int64_t peak_resident_memory() { return proc_kilobytes("/proc/self/status", "VmHWM:"); }

bool reset_peak_resident_memory() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";  // proc(5): "5" resets the peak resident set size
  clear.flush();
  return static_cast<bool>(clear);
}

}  // namespace dino
