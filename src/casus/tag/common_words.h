// English common words, for reading headlines. The treebank the tagger learned from is small (EWT, 200k tokens),
// so many news words are new to it ("concessions", "ratify"). In a title-case or all-caps headline such a word
// arrives capitalised and reads as a name unless the tagger knows it is an ordinary word. The list is generated at
// build time from a spelling dictionary (Debian's wamerican, SCOWL): words written there in lower case only, of
// four or more ASCII letters (scripts/gen_common_words.py; why this source: docs/DEPENDENCIES.md).
#pragma once

#include <cstddef>
#include <string_view>

namespace casus::tag {

// Whether `lower` (a lower-case word) is a common English word that is never also a name: "concessions" and
// "approves" are; "turkey" and "chad" are not (the dictionary also lists Turkey and Chad).
bool is_common_word(std::string_view lower);

// How many words the list holds (for `casus model dump`-style reports and tests).
size_t common_word_count();

}  // namespace casus::tag
