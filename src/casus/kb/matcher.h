// Token-sequence trie over the normalised token sequences of every KB name, alias, demonym, metonym and agent
// noun, so that all KB mentions of a sentence are found in one left-to-right pass.
//
// Normalisation (shared by aliases and text, so both sides agree): split on whitespace and dashes ("Iran-backed"
// → iran backed), split off edge punctuation except abbreviation periods ("U.S."), strip a possessive 's/’s and
// remember it, remove diacritics, case-fold. Case rules (docs/KB.md): an all-caps alias ("RSF", "U.S.") matches
// only the exact upper-case form; a capitalised alias word never matches an all-lower-case text word ("Turkey"
// does not match "turkey"); lower-case aliases (agent nouns) match any case.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casus::kb {

// How an alias names its entry.
enum class Via : uint8_t { kName = 0, kAlias, kDemonym, kMetonym, kNoun };
const char* via_name(Via v);

// One normalised word of a text or an alias.
struct SubToken {
  std::string folded;    // diacritics removed, case-folded: the trie key
  std::string original;  // diacritics removed, case kept: for case rules
  uint32_t source = 0;   // index of the document token (or text word) it came from
  uint32_t begin = 0, end = 0;  // byte offsets in the text it came from
  bool possessive = false;      // "Iran's" / "Iran 's"
  bool lower_only = false;      // no upper-case letter
};

// Splits text (an alias or a query) into sub-tokens. `source` numbers whitespace-separated words.
std::vector<SubToken> split_words(std::string_view text);
// Splits one already-tokenized word (a document token) and appends; "'s" alone marks the previous one possessive.
void split_token(std::string_view token, uint32_t source, uint32_t byte_offset, std::vector<SubToken>& out);
// Diacritics removed and case-folded (NFKD, strip marks, casefold); curly apostrophes become '.
std::string fold(std::string_view s);

struct Candidate {
  uint32_t entry = 0;  // index into KnowledgeBase::entries()
  Via via = Via::kName;
};

struct KbMatch {
  uint32_t begin = 0, end = 0;  // token range (document tokens, or words of a plain text), end-exclusive
  uint32_t begin_byte = 0, end_byte = 0;
  std::vector<Candidate> candidates;  // best first: name/alias > demonym > noun > metonym
  bool possessive = false;            // the last word carried 's
};

class Matcher {
 public:
  // Pre-sizes the hash tables for about n aliases (load speed only).
  void reserve(size_t n) {
    vocab_.reserve(n);
    edges_.reserve(n * 2);
    terminal_.reserve(n * 2);
  }
  // Adds an alias of an entry. Empty aliases are ignored.
  void add(std::string_view alias, uint32_t entry, Via via);
  // Longest match starting at words[i] (honouring case rules); fills m and returns its length in words, 0 if none.
  size_t match_at(const std::vector<SubToken>& words, size_t i, KbMatch& m) const;
  // All matches over a word sequence: longest first, left to right, non-overlapping. begin/end are `source`s.
  std::vector<KbMatch> scan(const std::vector<SubToken>& words) const;
  // Candidates of an exact whole-phrase match (all words), empty when none.
  std::vector<Candidate> exact(const std::vector<SubToken>& words) const;

  size_t nodes() const { return children_count_; }
  // Words in the longest alias: an exact match of a longer phrase is impossible.
  size_t max_words() const { return max_words_; }
  size_t aliases() const { return refs_.size(); }

 private:
  struct Ref {
    uint32_t entry;
    Via via;
    bool acronym;         // all-caps alias: exact case required
    uint32_t pattern;     // index into patterns_
  };
  struct Pattern {
    std::vector<std::string> original;  // alias words (diacritics removed, case kept)
    uint64_t capitalised = 0;           // bit i: alias word i starts with an upper-case letter
  };
  bool accepts(const Ref& r, const std::vector<SubToken>& words, size_t i) const;
  uint32_t token_id(const std::string& folded) const;

  std::unordered_map<std::string, uint32_t> vocab_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 32 | token) → child node
  std::vector<uint32_t> terminal_;                // node → first ref index + 1 into refs_by_node_, 0 = none
  std::vector<std::vector<uint32_t>> refs_by_node_;
  std::vector<Ref> refs_;
  std::vector<Pattern> patterns_;
  size_t children_count_ = 1;
  size_t max_words_ = 0;
};

}  // namespace casus::kb
