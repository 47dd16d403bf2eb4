// Segmenter: raw text → sentences and tokens (words) following UD English EWT conventions.
//
// Tokens are exact substrings of Document::text (never normalised), with byte and code point offsets. Where
// EWT has a multiword token ("don't" → do + n't, "cannot" → can + not, "Bush's" → Bush + 's) the segmenter
// emits the syntactic words directly, each with its own sub-span, because that is what the tagger and parser
// consume and what CoNLL 2018 scoring aligns. docs/SEGMENTATION.md lists the conventions and their sources.
//
// The segmenter is rule-based and immutable after construction: one instance is shared by all threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "casus/doc/document.h"
#include "casus/util/status.h"

namespace casus::segment {

// One token span found by the tokenizer, before it is put into a Document.
struct Span {
  uint32_t begin = 0, end = 0;  // byte offsets, end-exclusive
  uint8_t gap_before = 0;       // whitespace before it: see Gap
};

// What separates a token from the previous one (the sentence splitter reads it).
enum Gap : uint8_t {
  kGapNone = 0,       // glued to the previous token (no whitespace)
  kGapSpace = 1,      // spaces or tabs
  kGapLine = 2,       // one line break
  kGapParagraph = 3,  // a blank line (two or more line breaks): always a sentence and paragraph boundary
};

class Segmenter {
 public:
  // ascii_fast_path=false runs every chunk through the general tokenizer: tests check that both agree.
  explicit Segmenter(bool ascii_fast_path = true);

  // Replaces doc.tokens and doc.sentences with a segmentation of doc.text and sets kLayerTokens|kLayerSentences.
  // Fails only when the text is too large for 32-bit offsets (kTooLarge).
  Status segment(doc::Document& doc) const;

  // Tokenization alone: appends the spans of `text` to `out` (cleared first). Exposed for tests, the fuzzer and
  // benchmarks.
  void tokenize(std::string_view text, std::vector<Span>& out) const;

  // Sentence boundaries over tokenized spans: out[i] = 1 when a sentence starts at span i (out[0] = 1 when any).
  void split_sentences(std::string_view text, const std::vector<Span>& spans, std::vector<uint8_t>& out) const;

 private:
  bool ascii_fast_path_ = true;
};

}  // namespace casus::segment
