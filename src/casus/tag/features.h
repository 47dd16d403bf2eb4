// Feature extraction for the tagger: per-token precomputed hashes, then per-position feature keys.
//
// The hash definitions here are part of the model format: a feature key is the low 32 bits of
// mix64(template id, value hash) where value hashes are fnv1a64 over unsigned bytes. Changing anything here
// (templates, their ids, affix lengths, shape alphabet) must change kFeatureSpec, whose hash is stored in the
// model and checked at load.
#pragma once

#include <cstdint>
#include <string_view>

#include "casus/text/word_clusters.h"

namespace casus::tag {

// Human-readable definition of the feature set; its fnv1a64 is the "feature-set hash" in the model header.
inline constexpr std::string_view kFeatureSpec =
    "casus.tag.features/3 fnv1a64+mix64 low32; lower=ascii; "
    "bias w form sfx1-4 pfx1-3 shape flags amb wn w-1 w+1 w-2 w+2 t-1 t-2 t-1t-2 t-1w w-1w ww+1 "
    "sfx3-1 sfx3+1 amb+1 amb+2 amb-1 t-1amb+1 shape-1 shape+1 t-1w+1 wnamb first*shape "
    "shape-1shapeshape+1 t-1sfx3 sfx5 ambamb+1 t-1shape "
    "classes (text::word_class_key, 0 none, 0xFFFF outside): c0 f0 c-1 f-1 c+1 f+1 c-2 c+2 t-1f0 f0sfx2 f0f+1 "
    "f0shape c0amb "
    "pass2 (all of the above plus): t+1 t+2 t+1t+2 t-1t+1 t+1w t+1f0; "
    "morph/1: c cw cw-1 cw-2 cw+1 ct-1 ct-2 ct+1 ct+2 ct-1t+1 cfirst csubj csubjclass cwsubj caux cww-1 cwt-1 cwt+1 "
    "clast; key=mix64(value, 0x4d4f5250+bundle)";

// Everything about one token that features need, computed once per token.
struct TokenInfo {
  uint64_t lower = 0;        // fnv1a64 of the ASCII-lowercased form (also the lemma dictionary key)
  uint64_t form = 0;         // fnv1a64 of the exact form
  uint64_t suffix[4] = {};   // lowercased suffixes of 1..4 bytes (whole word when shorter)
  uint64_t suffix5 = 0;      // lowercased suffix of 5 bytes
  uint64_t prefix[3] = {};   // lowercased prefixes of 1..3 bytes
  uint64_t shape = 0;        // hash of the collapsed shape ("Xx", "d.d", "xx-xx")
  uint32_t amb = 0;          // ambiguity class: UPOS bitmask seen in training (0 = unknown word)
  uint8_t wordnet = 0;       // WordNet POS bitmask reachable by morphology (1 noun, 2 verb, 4 adj, 8 adv)
  uint8_t flags = 0;         // kFlag* bits
  uint64_t class_key = 0;    // text::word_class_key of the form (lower case, digits → 0)
  uint16_t coarse = 0;       // word classes from the model's copy of the clusters (0 = none)
  uint16_t fine = 0;
  bool open_class_only = false;  // unknown word that looks like content (not a feature; restricts decoding)
};

inline constexpr uint8_t kFlagDigit = 1, kFlagHyphen = 2, kFlagUpperInitial = 4, kFlagAllUpper = 8,
                         kFlagHasLower = 16, kFlagPunctOnly = 32;

// Fills the form-derived fields (not amb/wordnet/classes, which need the model's lexicons).
void compute_token_info(std::string_view form, TokenInfo& info);

// Sentinel token infos for positions outside the sentence.
const TokenInfo& boundary_before();
const TokenInfo& boundary_after();

inline constexpr int kMaxFeatures = 64;
inline constexpr uint32_t kNoTag = 0xFFu;   // previous tag outside the sentence (before the start)
inline constexpr uint32_t kEndTag = 0xFEu;  // following tag outside the sentence (pass 2)

// Context of one position. toks[-2..+2] must be addressable (caller pads with boundary infos).
struct Context {
  const TokenInfo* tok;  // the current token; tok[-2], tok[2] valid
  uint32_t t1 = kNoTag, t2 = kNoTag;  // previous two predicted tags
  bool first = false;                 // first token of the sentence
  bool pass2 = false;                 // second pass: add first-pass tags of the next words
  uint32_t n1 = kEndTag, n2 = kEndTag;  // next two tags from the first pass
};

// Writes feature keys (never 0) into out[0..kMaxFeatures); returns their number.
int extract_features(const Context& ctx, uint32_t* out);

// Lower-cases ASCII letters; other bytes unchanged (the lemmatizer and tag dictionary use the same rule).
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace casus::tag
