// Document: the cleaned text plus struct-of-arrays annotation layers. Every pipeline stage is a function of a
// Document and immutable resources. Tokens are integer columns (no per-token heap allocation); Token is a view.
//
// Offsets: `begin`/`end` are UTF-8 byte offsets into `text` (for slicing); `begin_cp`/`end_cp` are Unicode code
// point offsets (what the output format promises). Both are end-exclusive.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/doc/annotations.h"
#include "casus/doc/enums.h"
#include "casus/doc/string_store.h"
#include "casus/util/date.h"

namespace casus::doc {

using TokenIdx = uint32_t;
inline constexpr int32_t kRootHead = -1;   // head of the sentence root
inline constexpr int32_t kNoHead = -2;     // not parsed

// Which layers hold data; stages assert their inputs with Document::has().
enum Layer : uint32_t {
  kLayerTokens = 1u << 0,
  kLayerSentences = 1u << 1,
  kLayerTags = 1u << 2,     // upos, xpos, feats
  kLayerLemmas = 1u << 3,
  kLayerParse = 1u << 4,    // head, deprel
  kLayerMentions = 1u << 5,
  kLayerEvents = 1u << 6,
};

struct TokenLayer {
  std::vector<uint32_t> begin, end;        // byte offsets in Document::text
  std::vector<uint32_t> begin_cp, end_cp;  // code point offsets
  std::vector<uint8_t> space_after;        // 1 when whitespace follows the token in the text
  std::vector<StrId> form;                 // exact surface form
  std::vector<StrId> lemma;
  std::vector<UPos> upos;
  std::vector<StrId> xpos;                 // Penn tag, e.g. "VBD"
  std::vector<StrId> feats;                // UD feature string "Number=Sing|Tense=Past" ("" = none)
  std::vector<int32_t> head;               // absolute token index in the document; kRootHead, kNoHead
  std::vector<Deprel> deprel;

  size_t size() const { return begin.size(); }
  void reserve(size_t n);
  void clear();
  // Appends a token with its offsets; the annotation columns get neutral values.
  TokenIdx add(uint32_t begin_byte, uint32_t end_byte, uint32_t begin_cp_, uint32_t end_cp_, StrId form_id,
               bool space);
};

struct SentenceLayer {
  std::vector<TokenIdx> first;  // first token
  std::vector<TokenIdx> last;   // one past the last token
  std::vector<uint32_t> paragraph;  // 0-based paragraph index (blank-line separated)
  size_t size() const { return first.size(); }
  void clear() { first.clear(); last.clear(); paragraph.clear(); }
  void add(TokenIdx f, TokenIdx l, uint32_t para) {
    first.push_back(f);
    last.push_back(l);
    paragraph.push_back(para);
  }
};

struct Metadata {
  std::string id;           // input id, else URL, else path relative to the argument
  std::string url;
  std::string title;
  std::optional<Date> published;
  std::string published_source;  // where `published` came from: "input", "meta", "text", "url", "option"
  std::string dateline;      // place named in the dateline ("Tehran"), "" when none
  uint32_t dateline_end = 0; // byte offset in text where a dateline ("LIMA (Wire) - ") ends; 0 when none
  std::string source;        // outlet ("reuters.com", "Al Arabiya")
  std::string language = "en";
  std::string path;          // input file path, "" for stdin
  uint64_t content_hash = 0; // fnv1a64 of the raw input text: identifies "the same document" in the store
};

class Document {
 public:
  Document() = default;
  explicit Document(std::shared_ptr<const FrozenStrings> frozen) : strings(std::move(frozen)) {}

  std::string text;  // cleaned UTF-8 text; offsets refer to it
  Metadata meta;
  StringStore strings;
  TokenLayer tokens;
  SentenceLayer sentences;
  std::vector<Mention> mentions;
  std::vector<Event> events;
  std::vector<Quote> quotes;
  uint32_t layers = 0;

  bool has(uint32_t layer_mask) const { return (layers & layer_mask) == layer_mask; }

  std::string_view token_text(TokenIdx t) const {
    return std::string_view(text).substr(tokens.begin[t], tokens.end[t] - tokens.begin[t]);
  }
  std::string_view form(TokenIdx t) const { return strings.get(tokens.form[t]); }
  std::string_view lemma(TokenIdx t) const { return strings.get(tokens.lemma[t]); }
  std::string_view xpos(TokenIdx t) const { return strings.get(tokens.xpos[t]); }
  std::string_view feats(TokenIdx t) const { return strings.get(tokens.feats[t]); }
  // Value of one morphological feature of a token ("Tense" → "Past"), "" when absent.
  std::string_view feat(TokenIdx t, std::string_view name) const;
  // The text of a sentence, from its first token's begin to its last token's end.
  std::string_view sentence_text(size_t s) const;
  // Sentence index containing token t (binary search).
  size_t sentence_of(TokenIdx t) const;
  // Byte offset → code point offset in `text` (O(log n) after the first call builds an index).
  uint32_t cp_offset(uint32_t byte_offset) const;
  // Resets all layers (keeps text and meta).
  void clear_layers();

 private:
  mutable std::vector<uint32_t> cp_index_;  // code point offset of every 64th byte; built lazily
};

}  // namespace casus::doc
