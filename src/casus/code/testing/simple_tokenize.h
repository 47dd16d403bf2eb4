// Test-only: a whitespace-and-punctuation tokenizer that fills a Document's token and sentence layers, so coder
// unit tests do not depend on the statistical segmenter. One sentence per call of add_sentence.
#pragma once

#include <string>

#include "casus/doc/document.h"

namespace casus::code::testing {

inline void add_sentence(doc::Document& d, const std::string& sentence) {
  if (!d.text.empty()) d.text += ' ';
  const auto base = static_cast<uint32_t>(d.text.size());
  d.text += sentence;
  const auto first = static_cast<doc::TokenIdx>(d.tokens.size());
  auto is_sep = [](char c) { return c == ' '; };
  auto is_punct = [](char c) { return c == ',' || c == '(' || c == ')' || c == '"' || c == ';' || c == ':'; };
  size_t i = 0;
  while (i < sentence.size()) {
    if (is_sep(sentence[i])) { ++i; continue; }
    size_t j = i;
    if (is_punct(sentence[i])) {
      j = i + 1;
    } else {
      while (j < sentence.size() && !is_sep(sentence[j])) {
        // a comma inside a number (1,200) stays; otherwise punctuation ends the token
        if (is_punct(sentence[j]) && !(sentence[j] == ',' && j + 1 < sentence.size() &&
                                       isdigit(static_cast<unsigned char>(sentence[j + 1])) && j > i &&
                                       isdigit(static_cast<unsigned char>(sentence[j - 1]))))
          break;
        ++j;
      }
      // sentence-final period splits off
      if (j == sentence.size() && sentence[j - 1] == '.' && j - i > 1) --j;
      // possessive 's splits off
      if (j - i > 2 && sentence.compare(j - 2, 2, "'s") == 0) j -= 2;
    }
    uint32_t b = base + static_cast<uint32_t>(i), e = base + static_cast<uint32_t>(j);
    bool space = j < sentence.size() && sentence[j] == ' ';
    d.tokens.add(b, e, d.cp_offset(b), d.cp_offset(e), d.strings.intern(sentence.substr(i, j - i)), space);
    i = j;
  }
  d.sentences.add(first, static_cast<doc::TokenIdx>(d.tokens.size()), 0);
  d.layers |= doc::kLayerTokens | doc::kLayerSentences;
}

}  // namespace casus::code::testing
