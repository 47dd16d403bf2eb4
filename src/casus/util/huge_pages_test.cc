#include "casus/util/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace casus {
namespace {

TEST(HugePages, LargeBuffersAreAlignedToHugePages) {
  HugePageVector<uint32_t> big(kHugePageBytes / sizeof(uint32_t) + 5, 7u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big.data()) % kHugePageBytes, 0u);
  EXPECT_EQ(big.front(), 7u);
  EXPECT_EQ(big.back(), 7u);
  big.push_back(9u);  // regrows through the allocator
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big.data()) % kHugePageBytes, 0u);
  EXPECT_EQ(big.back(), 9u);
  HugePageVector<uint32_t> copy = big;
  EXPECT_EQ(copy, big);
}

TEST(HugePages, SmallBuffersAreOrdinary) {
  HugePageVector<uint64_t> small(10, 3u);
  EXPECT_EQ(small[9], 3u);
  small.clear();
  small.shrink_to_fit();
  EXPECT_TRUE(small.empty());
}

}  // namespace
}  // namespace casus
