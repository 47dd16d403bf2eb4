// Feature templates of the parser: Zhang & Nivre (2011) rich non-local features adapted to arc-hybrid, whose two
// arc-building pairs are (s0, b0) for LEFT and (s1, s0) for RIGHT. Every feature is a 64-bit hash of its template
// id and atom values; the weights file stores hashes, so the hash, the word normalisation and the template list
// are part of the model format: changing any of them changes kFeatureSetHash, and old models are refused.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "casus/doc/document.h"
#include "casus/text/word_clusters.h"
#include "casus/parse/transition.h"

namespace casus::parse {

using text::ClusterOptions;
using text::WordClusters;

// Bump the text when templates, atoms, normalisation or hashing change.
inline constexpr std::string_view kFeatureSetName = "casus.parse.arc-hybrid.zn2011+lemma+clusters.v2";
uint64_t feature_set_hash();

// Atoms of one sentence, index n = ROOT. Built once per sentence from the document's tags.
struct SentenceAtoms {
  std::vector<uint64_t> word;   // normalised form (lower case, digits → 0)
  std::vector<uint64_t> tag;    // XPOS (falls back to UPOS when XPOS is absent)
  std::vector<uint64_t> lemma;  // lemma (lower case), falls back to the word
  std::vector<uint64_t> upos;   // UPOS: separates AUX from VERB, DET from PRON where XPOS does not
  std::vector<uint64_t> feats;  // UFeats string (VerbForm, PronType, Case…)
  std::vector<uint64_t> coarse;  // coarse word class (text/word_clusters.h), 0 without one
  std::vector<uint64_t> fine;    // fine word class, 0 without one
  int size() const { return static_cast<int>(word.size()) - 1; }
};

// Hash of a normalised word form: ASCII lower-cased, ASCII digits mapped to '0' (= text::word_class_key, the
// key of the word classes).
uint64_t word_hash(std::string_view form);

// Fills atoms for tokens [first, last) of the document; word classes from `clusters`.
void build_atoms(const doc::Document& doc, doc::TokenIdx first, doc::TokenIdx last, const WordClusters& clusters,
                 SentenceAtoms& atoms);

// Appends the feature hashes of the state to `out` (cleared first). Deterministic: same state, same list.
void extract_features(const State& state, const SentenceAtoms& atoms, std::vector<uint64_t>& out);

}  // namespace casus::parse
