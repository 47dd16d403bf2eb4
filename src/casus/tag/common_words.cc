#include "casus/tag/common_words.h"

#include <algorithm>
#include <iterator>

namespace casus::tag {

namespace {
// Sorted byte-wise (the generator sorts ASCII lower-case words), so a binary search finds a word.
constexpr std::string_view kCommonWords[] = {
#include "casus/tag/common_words.inc"
};
}  // namespace

bool is_common_word(std::string_view lower) {
  return std::binary_search(std::begin(kCommonWords), std::end(kCommonWords), lower);
}

size_t common_word_count() { return std::size(kCommonWords); }

}  // namespace casus::tag
