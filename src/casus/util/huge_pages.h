// An allocator for large read-mostly tables that asks Linux for transparent huge pages (2 MB).
//
// Why: the parser's weight table (~50 MB of slots and rows) and the tagger's are probed at random, a few hundred
// times per token. With 4 kB pages nearly every probe also misses the TLB (the table spans ~13,000 pages, far
// more than the TLB holds), so each cache miss pays a page walk too. Blocks of 2 MB or more are aligned to 2 MB
// and marked MADV_HUGEPAGE, which this machine's kernel honours in its default "madvise" mode. Elsewhere (no
// madvise, THP disabled) the hint is ignored and the memory is ordinary.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace casus {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePageBytes) {
      if (void* p = std::malloc(bytes ? bytes : 1)) return static_cast<T*>(p);
      throw std::bad_alloc();
    }
    const size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    void* p = std::aligned_alloc(kHugePageBytes, rounded);
    if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    (void)madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure leaves ordinary pages
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) { std::free(p); }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

// A vector whose large buffers live on huge pages.
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace casus
