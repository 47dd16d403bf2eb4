// Private: the compiled lexicon shared by the loader (lexicon.cc) and the matcher (matcher.cc).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casus/lexicon/lexicon.h"

namespace casus::lexicon {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using LemmaIndex = std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>>;

struct Lexicon::Impl {
  std::array<CategoryInfo, doc::kNumPlover> categories;
  std::vector<ContextInfo> contexts;
  std::vector<Rule> rules;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> rule_by_id;
  LemmaIndex by_lemma;  // trigger lemma → rule indices, in file order
  CueLists cues;
  std::unordered_map<std::string, NounClass, StringHash, std::equal_to<>> noun_classes;
  LoadStats stats;
};

// ASCII lower-casing into a caller buffer (lemmas of proper nouns keep their capitals in UD).
std::string_view ascii_lower(std::string_view s, std::string& buf);

}  // namespace casus::lexicon
