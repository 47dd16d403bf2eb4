// Runs fn(i) for every i in [0, n) on up to `threads` threads (the calling thread is one of them). Items are
// handed out one at a time, so uneven items balance; fn must be safe to call concurrently for different i.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace casus {

template <typename Fn>
void parallel_for(size_t n, unsigned threads, Fn&& fn) {
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace casus
