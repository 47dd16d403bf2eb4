// Small word-list membership test used by the rule-based stages (coder, mentions): lists of lemmas are short and
// written at the call site, where they document the rule, so a linear scan over an initializer list is the clearest.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace casus {

inline bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace casus
