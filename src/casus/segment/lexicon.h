// Word lists the segmenter consults: abbreviations that keep their period, hyphen prefixes that EWT keeps
// attached, contractions written without an apostrophe, and sentence starters. Lists are compiled in (no file
// to load) and looked up through small immutable hash sets.
#pragma once

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace casus::segment {

class WordLists {
 public:
  WordLists();
  // Exact-case abbreviation including its final period ("Dr.", "Sept.", "etc.").
  bool is_abbreviation(std::string_view with_period) const;
  // Abbreviations that practically never end a sentence (titles before a name: "Dr.", "Lt.", "Col.").
  bool is_title(std::string_view with_period) const;
  // Lower-case prefix kept attached before a hyphen ("non" in "non-violent").
  bool is_hyphen_prefix(std::string_view lower) const;
  // Lower-case word that often starts a sentence ("the", "but", "i").
  bool is_sentence_starter(std::string_view lower) const;
  // Contraction without apostrophe ("cannot", "gonna", "dont"): byte length of the first word, 0 when none.
  size_t contraction_split(std::string_view lower) const;

 private:
  std::unordered_set<std::string_view> abbreviations_, titles_, prefixes_, starters_;
  std::unordered_map<std::string_view, size_t> contractions_;
};

// The one shared instance (built on first use; C++ makes that initialisation thread-safe).
const WordLists& word_lists();

}  // namespace casus::segment
