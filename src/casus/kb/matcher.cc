#include "casus/kb/matcher.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>

#include "casus/text/utf8.h"

namespace casus::kb {

const char* via_name(Via v) {
  switch (v) {
    case Via::kName: return "name";
    case Via::kAlias: return "alias";
    case Via::kDemonym: return "demonym";
    case Via::kMetonym: return "metonym";
    case Via::kNoun: return "noun";
  }
  return "?";
}

namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Curly and modifier apostrophes become ASCII ' so "Sana’a" and "Sana'a" agree.
std::string ascii_apostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t c = text::decode_at(s, pos);
    if (c != '\'' && text::is_apostrophe(c))
      out.push_back('\'');
    else
      out.append(s.substr(start, pos - start));
  }
  return out;
}

std::string utf8proc_apply(std::string_view s, int options) {
  utf8proc_uint8_t* dst = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &dst,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(s);  // invalid UTF-8 reaches here only from bad input: keep it as is
  std::string out(reinterpret_cast<char*>(dst), static_cast<size_t>(n));
  std::free(dst);
  return out;
}

std::string strip_marks(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  return ascii_apostrophes(utf8proc_apply(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
}

bool has_upper(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = text::decode_at(s, pos);
    if (text::is_upper(c)) return true;
  }
  return false;
}

bool is_possessive_suffix(std::string_view s) { return s == "'s" || s == "'S" || s == "’s" || s == "’S"; }

// Punctuation split off a word's edges. Apostrophes and periods are handled separately.
bool is_edge_punct(char32_t c) {
  if (c == '.' || c == '\'' || text::is_apostrophe(c)) return false;
  return text::is_punct(c) || text::is_symbol(c) || text::is_quote(c);
}

void emit(std::string_view part, uint32_t source, uint32_t begin, std::vector<SubToken>& out) {
  if (part.empty()) return;
  if (is_possessive_suffix(part) || part == "'" || part == "’") {
    if (!out.empty()) out.back().possessive = true;
    return;
  }
  SubToken t;
  bool possessive = false;
  if (part.size() > 2 && is_possessive_suffix(part.substr(part.size() - 2))) {
    part.remove_suffix(2);
    possessive = true;
  } else if (part.size() > 4 && is_possessive_suffix(part.substr(part.size() - 4))) {  // ’s is 4 bytes
    part.remove_suffix(4);
    possessive = true;
  } else if (part.size() > 1 && part.back() == '\'' && (part[part.size() - 2] == 's' || part[part.size() - 2] == 'S')) {
    part.remove_suffix(1);  // plural possessive: "Houthis'"
    possessive = true;
  }
  // "U.N.", "U.S.", "E.U.": a dotted acronym is the acronym ("UN" in the KB matches "U.N." in the text).
  std::string undotted;
  if (part.size() >= 4 && part.back() == '.') {
    bool dotted = true;
    for (size_t k = 0; k < part.size() && dotted; ++k)
      dotted = (k % 2 == 0) ? (part[k] >= 'A' && part[k] <= 'Z') : part[k] == '.';
    if (dotted && part.size() % 2 == 0)
      for (size_t k = 0; k < part.size(); k += 2) undotted += part[k];
  }
  const auto span_bytes = static_cast<uint32_t>(part.size());
  if (!undotted.empty()) part = undotted;
  t.original = strip_marks(part);
  t.folded = fold(part);
  t.source = source;
  t.begin = begin;
  t.end = begin + span_bytes;
  t.possessive = possessive;
  t.lower_only = !has_upper(part);
  out.push_back(std::move(t));
}

// Splits a dash-free part: edge punctuation becomes its own word; a final period stays only in abbreviations.
void split_part(std::string_view part, uint32_t source, uint32_t begin, std::vector<SubToken>& out) {
  size_t a = 0, b = part.size();
  // leading punctuation
  while (a < b) {
    size_t pos = a;
    char32_t c = text::decode_at(part, pos);
    if (!is_edge_punct(c)) break;
    emit(part.substr(a, pos - a), source, begin + uint32_t(a), out);
    a = pos;
  }
  std::vector<std::pair<size_t, size_t>> trailing;  // split-off trailing punctuation, right to left
  while (b > a) {
    size_t start = b - 1;
    while (start > a && (static_cast<unsigned char>(part[start]) & 0xC0) == 0x80) --start;
    size_t pos = start;
    char32_t c = text::decode_at(part, pos);
    bool split = is_edge_punct(c);
    if (c == '.') {
      std::string_view body = part.substr(a, start - a);
      // "U.S." and "D.C." keep their final period; "Iran." does not.
      split = body.find('.') == std::string_view::npos && body.size() > 1;
    }
    if (!split) break;
    trailing.emplace_back(start, b);
    b = start;
  }
  emit(part.substr(a, b - a), source, begin + uint32_t(a), out);
  for (auto it = trailing.rbegin(); it != trailing.rend(); ++it)
    emit(part.substr(it->first, it->second - it->first), source, begin + uint32_t(it->first), out);
}

}  // namespace

std::string fold(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  return ascii_apostrophes(
      utf8proc_apply(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
}

void split_token(std::string_view token, uint32_t source, uint32_t byte_offset, std::vector<SubToken>& out) {
  // Dashes separate words ("Iran-backed", "Bab el-Mandeb") and are dropped.
  size_t start = 0, pos = 0;
  while (pos < token.size()) {
    size_t cstart = pos;
    char32_t c = text::decode_at(token, pos);
    if (text::is_dash(c)) {
      split_part(token.substr(start, cstart - start), source, byte_offset + uint32_t(start), out);
      start = pos;
    }
  }
  split_part(token.substr(start), source, byte_offset + uint32_t(start), out);
}

std::vector<SubToken> split_words(std::string_view text) {
  std::vector<SubToken> out;
  uint32_t word = 0;
  size_t pos = 0, start = 0;
  bool in_word = false;
  while (pos < text.size()) {
    size_t cstart = pos;
    char32_t c = text::decode_at(text, pos);
    if (text::is_space(c)) {
      if (in_word) split_token(text.substr(start, cstart - start), word++, uint32_t(start), out);
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      start = cstart;
    }
  }
  if (in_word) split_token(text.substr(start), word, uint32_t(start), out);
  return out;
}

uint32_t Matcher::token_id(const std::string& folded) const {
  auto it = vocab_.find(folded);
  return it == vocab_.end() ? UINT32_MAX : it->second;
}

void Matcher::add(std::string_view alias, uint32_t entry, Via via) {
  std::vector<SubToken> words = split_words(alias);
  if (words.empty()) return;
  max_words_ = std::max(max_words_, words.size());
  if (terminal_.empty()) terminal_.push_back(0);
  uint32_t node = 0;
  Pattern p;
  bool any_letter = false, any_lower = false;
  for (size_t k = 0; k < words.size(); ++k) {
    auto [it, inserted] = vocab_.try_emplace(words[k].folded, uint32_t(vocab_.size()));
    uint64_t key = (uint64_t(node) << 32) | it->second;
    auto e = edges_.find(key);
    if (e == edges_.end()) {
      uint32_t child = uint32_t(terminal_.size());
      terminal_.push_back(0);
      edges_.emplace(key, child);
      ++children_count_;
      node = child;
    } else {
      node = e->second;
    }
    const std::string& o = words[k].original;
    size_t pos = 0;
    bool first = true;
    while (pos < o.size()) {
      char32_t c = text::decode_at(o, pos);
      if (text::is_letter(c)) {
        any_letter = true;
        if (text::is_lower(c)) any_lower = true;
        if (first && text::is_upper(c) && k < 64) p.capitalised |= uint64_t(1) << k;
        first = false;
      }
    }
    p.original.push_back(o);
  }
  // Acronyms: two or more letters, none lower-case ("RSF", "U.S.", "IRGC"); single capitals are not acronyms.
  size_t letters = 0;
  for (auto& w : p.original)
    for (unsigned char c : w)
      if (std::isalpha(c)) ++letters;
  bool acronym = any_letter && !any_lower && letters >= 2;
  if (terminal_[node] == 0) {
    refs_by_node_.emplace_back();
    terminal_[node] = uint32_t(refs_by_node_.size());
  }
  // Identical alias, entry and via added twice (merged files): keep one.
  for (uint32_t r : refs_by_node_[terminal_[node] - 1]) {
    const Ref& old = refs_[r];
    if (old.entry == entry && old.via == via && patterns_[old.pattern].original == p.original) return;
  }
  patterns_.push_back(std::move(p));
  refs_.push_back(Ref{entry, via, acronym, uint32_t(patterns_.size() - 1)});
  refs_by_node_[terminal_[node] - 1].push_back(uint32_t(refs_.size() - 1));
}

bool Matcher::accepts(const Ref& r, const std::vector<SubToken>& words, size_t i) const {
  const Pattern& p = patterns_[r.pattern];
  for (size_t k = 0; k < p.original.size(); ++k) {
    const SubToken& w = words[i + k];
    if (r.acronym) {
      if (w.original != p.original[k]) return false;
    } else if (k < 64 && (p.capitalised >> k & 1) && w.lower_only) {
      return false;
    }
  }
  return true;
}

size_t Matcher::match_at(const std::vector<SubToken>& words, size_t i, KbMatch& m) const {
  if (terminal_.empty()) return 0;
  uint32_t node = 0;
  size_t best = 0;
  for (size_t j = i; j < words.size(); ++j) {
    uint32_t tid = token_id(words[j].folded);
    if (tid == UINT32_MAX) break;
    auto e = edges_.find((uint64_t(node) << 32) | tid);
    if (e == edges_.end()) break;
    node = e->second;
    if (terminal_[node] != 0) {
      std::vector<Candidate> cands;
      for (uint32_t r : refs_by_node_[terminal_[node] - 1])
        if (accepts(refs_[r], words, i)) cands.push_back({refs_[r].entry, refs_[r].via});
      if (!cands.empty()) {
        best = j - i + 1;
        m.candidates = std::move(cands);
      }
    }
    if (words[j].possessive) break;  // "Iran's supreme leader": a name never runs past a possessive
  }
  if (best) {
    m.begin = words[i].source;
    m.end = words[i + best - 1].source + 1;
    m.begin_byte = words[i].begin;
    m.end_byte = words[i + best - 1].end;
    m.possessive = words[i + best - 1].possessive;
  }
  return best;
}

std::vector<KbMatch> Matcher::scan(const std::vector<SubToken>& words) const {
  std::vector<KbMatch> out;
  size_t i = 0;
  while (i < words.size()) {
    KbMatch m;
    size_t n = match_at(words, i, m);
    if (n) {
      out.push_back(std::move(m));
      i += n;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<Candidate> Matcher::exact(const std::vector<SubToken>& words) const {
  KbMatch m;
  if (words.empty()) return {};
  size_t n = match_at(words, 0, m);
  if (n != words.size()) return {};
  return m.candidates;
}

}  // namespace casus::kb
