// UTF-8 decoding and Unicode character classes (via utf8proc). Shared by readers, the cleaner and the segmenter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace casus::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at s[pos]; advances pos. Invalid or truncated sequences (overlong forms, surrogates,
// > U+10FFFF) yield kReplacementChar and advance by one byte, so decoding always makes progress.
char32_t decode_at(std::string_view s, size_t& pos);
// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);
// Byte offset of the first invalid sequence, or npos when s is valid UTF-8.
size_t find_invalid_utf8(std::string_view s);
size_t count_code_points(std::string_view s);

// Character classes used by the cleaner and the segmenter.
bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);       // Unicode Nd
bool is_space(char32_t c);       // Unicode whitespace incl. NBSP, zero-width space excluded
bool is_punct(char32_t c);       // Unicode P* categories
bool is_symbol(char32_t c);      // Unicode S* categories
bool is_emoji_like(char32_t c);  // pictographs, dingbats, regional indicators, variation selectors, ZWJ
bool is_dash(char32_t c);        // - ‐ ‑ ‒ – — ― − ﹘ ﹣ －
bool is_quote(char32_t c);       // " ' “ ” „ ‟ ‘ ’ ‚ ‛ « » ‹ › 「 」 ＂ ＇
bool is_apostrophe(char32_t c);  // ' ’ ʼ ′
char32_t to_lower(char32_t c);

// Lower-cases a UTF-8 string (full Unicode simple case mapping).
std::string lower(std::string_view s);
// Typographic punctuation as the ASCII a treebank writes it: ’ ‘ → ', “ ” → ", — → --, – → -, … → ...
// Returns false (and leaves `out` alone) when `s` has none, so callers pay nothing for plain words.
bool fold_typography(std::string_view s, std::string& out);

}  // namespace casus::text
