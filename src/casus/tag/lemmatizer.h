// Lemmatizer: what the treebank teaches (form+XPOS → edit rule, suffix → edit rule per XPOS) backed by WordNet
// morphology (exception lists + detachment rules validated against the WordNet lemma index). Everything it
// needs is baked into the "lemma.model" section: runtime never reads /usr/share/wordnet.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "casus/doc/enums.h"
#include "casus/tag/flat_map.h"
#include "casus/util/status.h"

namespace casus::tag {

// WordNet parts of speech as bits (also the tagger's "wordnet" feature).
inline constexpr uint8_t kWnNoun = 1, kWnVerb = 2, kWnAdj = 4, kWnAdv = 8;

// lemma = cased(form) minus `strip` trailing bytes, plus `append`; casing: kKeep the form, kLower ASCII
// lower-case, kCapital lower-case then upper-case the first letter ("i" → "I", "TEHRAN" → "Tehran").
inline constexpr uint8_t kCaseKeep = 0, kCaseLower = 1, kCaseCapital = 2;
struct LemmaRule {
  uint8_t casing = kCaseLower;
  uint8_t strip = 0;
  std::string append;
  bool operator==(const LemmaRule&) const = default;
};

// The cheapest rule turning `form` into `lemma` (prefers lower-casing on ties).
LemmaRule derive_rule(std::string_view form, std::string_view lemma);
// All rules of that minimal cost (casing variants that tie).
std::vector<LemmaRule> derive_rules(std::string_view form, std::string_view lemma);
// Applies a rule; false when the rule strips more than the form has.
bool apply_rule(const LemmaRule& rule, std::string_view form, std::string& out);

class Lemmatizer {
 public:
  // --- training ---
  // Reads noun/verb/adj/adv .exc and index.* from a WordNet dict directory (Debian: /usr/share/wordnet).
  Status load_wordnet(const std::string& dir);
  // Adds one gold token; call finish_training() after the last one.
  void add_example(std::string_view form, std::string_view xpos, std::string_view lemma);
  void finish_training();

  // --- model section ---
  // Only for a trained lemmatizer (a loaded one keeps the WordNet index as hashes, not words).
  std::string serialize() const;
  static Result<Lemmatizer> deserialize(std::string_view bytes);

  // --- runtime ---
  // Writes the lemma of `form` (tagged upos/xpos) into `out`. `lower_hash` is fnv1a64 of the ASCII-lowercased
  // form (the tagger already has it).
  void lemmatize(std::string_view form, uint64_t lower_hash, doc::UPos upos, std::string_view xpos,
                 std::string& out) const;
  // WordNet POS bits reachable from a lower-cased word by exceptions or detachment rules.
  uint8_t wordnet_mask(std::string_view lower) const;

  size_t dictionary_size() const { return dict_.size(); }
  size_t wordnet_size() const { return wn_index_.size(); }

 private:
  uint32_t rule_id(const LemmaRule& rule);
  // WordNet: first valid lemma for a POS bit, "" when none.
  bool wordnet_lemma(std::string_view lower, uint8_t pos, std::string& out) const;
  uint8_t wn_mask(std::string_view word) const;

  std::vector<LemmaRule> rules_;
  FlatMap<uint64_t, uint32_t> dict_;    // mix64(lower form hash, xpos hash) → rule id
  FlatMap<uint64_t, uint32_t> suffix_;  // mix64(xpos hash, mix64(length, suffix hash)) → rule id
  // WordNet lemma index: hash → POS bits; the words themselves are kept for serialization.
  std::vector<std::pair<std::string, uint8_t>> wn_words_;
  FlatMap<uint64_t, uint8_t> wn_index_;
  // Exceptions: (pos bit, form, lemma); map mix64(pos, hash(form)) → index.
  struct Exception {
    uint8_t pos;
    std::string form, lemma;
  };
  std::vector<Exception> exceptions_;
  FlatMap<uint64_t, uint32_t> exc_index_;

  // Training counts (not serialized).
  struct Counts;
  std::shared_ptr<Counts> counts_;
};

}  // namespace casus::tag
