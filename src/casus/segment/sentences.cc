// Sentence boundaries over the token spans. Rules, in order of strength:
//   1. a blank line always ends a sentence (and a paragraph);
//   2. terminal punctuation (. ! ? … and their runs), with the closing quotes and brackets glued after it,
//      ends a sentence unless the next word starts in lower case;
//   3. an abbreviation's period ends a sentence only before a typical sentence-initial word ("in the U.S. The");
//      titles and initials ("Lt. Col.", "George W. Bush") never do;
//   4. a single line break ends a sentence when the line looks finished (headlines, datelines, list items).
#include <string>

#include "casus/segment/lexicon.h"
#include "casus/segment/segmenter.h"
#include "casus/text/utf8.h"

namespace casus::segment {

namespace {

const WordLists& lists() { return word_lists(); }

struct TokView {
  std::string_view s;
  char32_t first = 0, last = 0;
};

TokView view(std::string_view text, const Span& sp) {
  TokView v;
  v.s = text.substr(sp.begin, sp.end - sp.begin);
  size_t p = 0;
  v.first = text::decode_at(v.s, p);
  // Last code point: back up over continuation bytes.
  size_t q = v.s.size();
  while (q > 0 && (static_cast<uint8_t>(v.s[q - 1]) & 0xC0) == 0x80) --q;
  if (q > 0) --q;
  size_t r = q;
  v.last = text::decode_at(v.s, r);
  return v;
}


// Terminal punctuation token: ".", "!", "?", "…", runs and mixes of them ("?!", "...").
bool is_terminal(std::string_view s) {
  if (s == "\xE2\x80\xA6") return true;  // …
  if (s.empty()) return false;
  for (char c : s)
    if (c != '.' && c != '!' && c != '?') return false;
  return true;
}

bool is_closer(const TokView& v) {
  char32_t c = v.first;
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x203A || c == 0x300D || c == 0xFF02 || c == 0xFF07;
}

bool is_opener(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB ||
         c == 0x2039 || c == 0x300C || c == 0x201E || c == '<' || c == '*' || c == '-' || c == '#' || c == '@';
}

bool starts_lower(const TokView& v) {
  return v.first < 0x80 ? (v.first >= 'a' && v.first <= 'z') : text::is_lower(v.first);
}
bool starts_upper(const TokView& v) {
  return v.first < 0x80 ? (v.first >= 'A' && v.first <= 'Z') : text::is_upper(v.first);
}


bool is_strong_starter(std::string_view w) {
  static constexpr std::string_view kStrong[] = {"The", "He", "She", "It", "They", "We", "I", "But", "This",
                                                 "In", "That", "There", "His", "Her", "Their", "Its", "A"};
  for (auto s : kStrong)
    if (w == s) return true;
  return false;
}

bool is_emoticon(std::string_view s) {
  if (s.size() < 2 || (s[0] != ':' && s[0] != ';' && s[0] != '=' && s[0] != '<' && s[0] != '^')) return false;
  static constexpr std::string_view kFaces[] = {":)", ":-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", ":p", ";)",
                                                ";-)", ":/", ":-/", ":'(", ":]", "=)", "<3", "^_^", ":o", ":O"};
  for (auto f : kFaces)
    if (s == f) return true;
  return false;
}

bool is_abbreviation_token(const TokView& v) {
  return v.s.size() > 1 && v.last == '.' && !is_terminal(v.s);
}

}  // namespace

void Segmenter::split_sentences(std::string_view text, const std::vector<Span>& spans,
                                std::vector<uint8_t>& out) const {
  const size_t n = spans.size();
  out.assign(n, 0);
  if (n == 0) return;
  out[0] = 1;
  size_t i = 0;
  while (i < n) {
    // Decide whether a sentence starts after token i (at i + 1, or after closers glued to i).
    size_t next = i + 1;
    if (next >= n) break;
    if (spans[next].gap_before == kGapParagraph) {
      out[next] = 1;
      i = next;
      continue;
    }
    TokView cur = view(text, spans[i]);
    bool terminal = is_terminal(cur.s);
    bool abbrev = !terminal && is_abbreviation_token(cur);
    if (terminal || abbrev) {
      // Closing quotes and brackets right after the terminal belong to the ending sentence.
      size_t k = next;
      while (k < n && spans[k].gap_before == kGapNone && is_closer(view(text, spans[k]))) ++k;
      // Emoticons after the terminal punctuation close the sentence they comment on ("Loved it! :)").
      while (k < n && spans[k].gap_before != kGapParagraph && is_emoticon(view(text, spans[k]).s)) ++k;
      if (k < n && terminal && k == next && spans[k].gap_before == kGapSpace) {
        // `... end. " Next` — a spaced closing quote is ambiguous; leave it to the next sentence.
      }
      if (k >= n) break;
      if (spans[k].gap_before == kGapParagraph) {
        out[k] = 1;
        i = k;
        continue;
      }
      if (spans[k].gap_before == kGapNone) {  // "3.5", "e.g.foo": glued, not a boundary
        i = k;
        continue;
      }
      TokView nx = view(text, spans[k]);
      bool boundary;
      if (terminal) {
        // In web text a sentence after . ! ? often starts in lower case (EWT train: 95% of ". lower" are
        // boundaries); an ellipsis inside a sentence is common, so only a capital starts a new one after it.
        bool ellipsis = (cur.s.size() >= 2 && cur.first == '.') || cur.first == 0x2026;
        boundary = ellipsis ? (starts_upper(nx) || spans[k].gap_before == kGapLine) : true;
      } else if (lists().is_title(cur.s) || (cur.s.size() == 2 && text::is_upper(cur.first))) {
        boundary = false;
      } else {
        // EWT: an abbreviation's period almost never ends a sentence (2 of 270 before a capital); news text
        // ("... in the U.S. The ...") does, before a few unmistakable sentence starters.
        boundary = starts_upper(nx) && is_strong_starter(nx.s);
        if (spans[k].gap_before == kGapLine && (starts_upper(nx) || !text::is_letter(nx.first))) boundary = true;
      }
      if (boundary) out[k] = 1;
      i = k;
      continue;
    }
    if (is_emoticon(cur.s) && spans[next].gap_before != kGapNone) {
      // "great :) The staff ..." — a face ends its sentence when a capitalised word follows (EWT: 74%).
      if (starts_upper(view(text, spans[next]))) out[next] = 1;
      ++i;
      continue;
    }
    if (spans[next].gap_before == kGapLine) {
      // A line break ends a sentence unless the line clearly continues (comma, lower-case next word).
      TokView nx = view(text, spans[next]);
      bool continues = cur.s == "," || cur.s == ";" || (starts_lower(nx) && text::is_letter(cur.last));
      if (!continues) out[next] = 1;
    }
    (void)is_opener;
    ++i;
  }
}

}  // namespace casus::segment
