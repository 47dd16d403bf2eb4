// Title-case and all-caps headlines ("Egypt Makes Concessions to the EU", "HOUTHIS CLAIM DRONE ATTACK"). The
// treebank the tagger learned from writes sentences in sentence case, so a capitalised common word reads as a name
// ("Concessions" PROPN, "Resume" PROPN) and the parse falls apart. In such a line the capitals say nothing about
// the word, so the tagger reads the words it knows as common words in lower case (Tagger::annotate; see
// docs/TAGGER.md).
#pragma once

#include <span>
#include <string_view>

namespace casus::tag {

// "Makes", "Ceasefire": an ASCII capital followed only by lower-case letters (no "EU", "McDonald", "Al-Wafa").
bool is_capitalized_word(std::string_view form);

// Whether a sentence's tokens look like a title-case headline: at most 30 tokens, and of its words of four or
// more letters after the first token, at least three and at least 80% are capitalised. Function words are written
// in lower case in title case, so short words are not counted; running prose, even about named bodies, keeps most
// of its long words lower case.
bool is_title_case(std::span<const std::string_view> forms);

// "HOUTHIS", "CLAIM": two or more ASCII capitals and nothing else.
bool is_all_caps_word(std::string_view form);

// Whether a sentence is written in capitals: at most 30 tokens, and of its words of four or more letters, at least
// three and at least 80% are all capitals (an all-caps headline or kicker line).
bool is_all_caps(std::span<const std::string_view> forms);

}  // namespace casus::tag
