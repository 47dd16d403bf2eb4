#include "casus/segment/segmenter.h"

#include <limits>

#include "casus/segment/lexicon.h"
#include "casus/text/utf8.h"

namespace casus::segment {

namespace {

const WordLists& lists() {
  // Immutable after construction; C++ guarantees thread-safe initialisation of function-local statics.
  static const WordLists kLists;
  return kLists;
}

// Whitespace exactly as Python's str.split() sees it (the scorer strips that set), plus Unicode spaces.
inline bool is_ws(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Line breaks among the whitespace. "\r\n" is one break: '\r' followed by '\n' is not counted.
inline int line_breaks(char32_t c, char32_t next) {
  if (c == '\n' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85 || c == 0x2028)
    return 1;
  if (c == '\r') return next == '\n' ? 0 : 1;
  if (c == 0x2029) return 2;  // PARAGRAPH SEPARATOR
  return 0;
}

inline bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters, digits, combining marks and other non-punctuation, non-symbol characters belong to words.
inline bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c);
  if (c == text::kReplacementChar) return false;
  if (text::is_punct(c) || text::is_symbol(c) || is_ws(c) || text::is_emoji_like(c)) return false;
  return c >= 0xA0;  // letters, digits, marks, and anything unassigned or unusual stays in the word
}
inline bool is_digit(char32_t c) { return c < 0x80 ? is_ascii_digit(c) : text::is_digit(c); }
inline bool is_letter(char32_t c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : text::is_letter(c); }
inline bool is_upper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : text::is_upper(c); }
inline bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == '`'; }
inline bool is_word_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
inline char32_t ascii_lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

bool is_emoji_start(char32_t c) {
  if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF)) return false;
  return text::is_emoji_like(c);
}
bool is_emoji_continuation(char32_t c) {
  return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 ||
         (c >= 0xE0020 && c <= 0xE007F);
}

// Emoticons kept as one token. Letter-final ones (":D", ":P") must not be followed by a word character.
constexpr std::u32string_view kEmoticons[] = {
    U":-)", U":-(", U":-D", U":-P", U":-p", U":-/", U":-O", U":-o", U":-|", U";-)", U":'(", U":')", U"^_^",
    U"-_-", U"o_O", U"O_o", U":)", U":(", U":D", U":P", U":p", U":/", U":|", U":o", U":O", U";)", U";D",
    U":]", U":[", U"=)", U"=(", U"<3", U"^^", U":*", U":>", U":<",
};

// One chunk (maximal run of non-whitespace) decoded to code points with their byte offsets.
struct Chunk {
  std::vector<char32_t> cp;
  std::vector<uint32_t> off;  // off[i] = byte offset of cp[i]; off[n] = end
  size_t size() const { return cp.size(); }
  char32_t at(size_t i) const { return i < cp.size() ? cp[i] : 0; }
};

class ChunkTokenizer {
 public:
  ChunkTokenizer(const Chunk& c, uint8_t gap, std::vector<Span>& out) : c_(c), gap_(gap), out_(out) {}

  void run() {
    const size_t n = c_.size();
    if (looks_like_url_or_email()) return emit_url();
    size_t i = 0;
    while (i < n) i = step(i);
  }

 private:
  void emit(size_t b, size_t e) {
    if (b >= e) return;
    out_.push_back(Span{c_.off[b], c_.off[e], first_ ? gap_ : static_cast<uint8_t>(kGapNone)});
    first_ = false;
  }

  // One token (or a few) starting at i; returns the next position.
  size_t step(size_t i) {
    const size_t n = c_.size();
    char32_t c = c_.cp[i];
    if (is_word_char(c)) return scan_word(i);
    // '72, '90s: a year with its apostrophe.
    if (is_apostrophe(c) && is_digit(c_.at(i + 1)) && (i == 0 || !is_word_char(c_.cp[i - 1]))) {
      size_t j = i + 1;
      while (j < n && is_word_char(c_.cp[j])) ++j;
      emit(i, j);
      return j;
    }
    if (size_t len = emoticon_at(i)) {
      emit(i, i + len);
      return i + len;
    }
    if (is_emoji_start(c)) {
      size_t j = i + 1;
      if (c >= 0x1F1E6 && c <= 0x1F1FF && c_.at(j) >= 0x1F1E6 && c_.at(j) <= 0x1F1FF) ++j;  // flag pair
      for (;;) {
        while (j < n && is_emoji_continuation(c_.cp[j])) ++j;
        if (j + 1 < n && c_.cp[j] == 0x200D && text::is_emoji_like(c_.cp[j + 1])) {
          j += 2;
          continue;
        }
        break;
      }
      emit(i, j);
      return j;
    }
    // Punctuation and symbols: a run of the same character is one token ("...", "--", "!!!", "''"), except
    // brackets, which pair with something each.
    size_t j = i + 1;
    bool groups = !(c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}');
    if (groups)
      while (j < n && c_.cp[j] == c) ++j;
    emit(i, j);
    return j;
  }

  size_t emoticon_at(size_t i) const {
    const size_t n = c_.size();
    for (auto e : kEmoticons) {
      if (i + e.size() > n) continue;
      bool ok = true;
      for (size_t k = 0; k < e.size() && ok; ++k) ok = c_.cp[i + k] == e[k];
      if (!ok) continue;
      char32_t last = e.back();
      if (is_letter(last) && is_word_char(c_.at(i + e.size()))) continue;
      // ":/" inside "http://" is not a face; "=)" after a word char is rare enough to accept.
      if (e == U":/" && c_.at(i + 2) == '/') continue;
      return e.size();
    }
    return 0;
  }

  // Lower-cased ASCII text of cps [b, e) into buf (non-ASCII → fails, returns false).
  bool ascii_lower(size_t b, size_t e, std::string& buf) const {
    buf.clear();
    for (size_t k = b; k < e; ++k) {
      char32_t c = c_.cp[k];
      if (c >= 0x80) return false;
      buf.push_back(static_cast<char>(segment::ascii_lower(c)));
    }
    return true;
  }

  bool is_abbreviation(size_t b, size_t dot) const {
    // Token would be cps [b, dot] including the period at `dot`.
    size_t len = dot - b;
    if (len == 0) return false;
    if (len == 1 && is_upper(c_.cp[b])) return true;  // initial: "J."
    // Dotted initialism: "U.S", "p.m", "e.g", "a.k.a", "Ph.D" — every part 1–2 letters, at least one inner dot.
    bool dotted = false, ok = true;
    size_t part = 0;
    for (size_t k = b; k < dot && ok; ++k) {
      char32_t c = c_.cp[k];
      if (c == '.') {
        if (part == 0) ok = false;
        dotted = true;
        part = 0;
      } else if (is_letter(c)) {
        if (++part > 2) ok = false;
      } else {
        ok = false;
      }
    }
    if (ok && dotted) return true;
    if (len > 12) return false;
    std::string buf;
    for (size_t k = b; k <= dot; ++k) text::append_utf8(buf, c_.cp[k]);
    return lists().is_abbreviation(buf);
  }

  // Emits a word token [b, e), splitting contractions written without an apostrophe ("cannot" → can not).
  void emit_word(size_t b, size_t e) {
    if (e - b >= 4 && e - b <= 8) {
      std::string buf;
      if (ascii_lower(b, e, buf)) {
        if (size_t k = lists().contraction_split(buf)) {
          emit(b, b + k);
          emit(b + k, e);
          return;
        }
      }
    } else if (e - b == 2) {
      // "im" → i m only in lower case ("IM" is instant messaging).
      if (c_.cp[b] == 'i' && c_.cp[b + 1] == 'm') {
        emit(b, b + 1);
        emit(b + 1, e);
        return;
      }
    } else if (e - b == 3 && c_.cp[b] == 'i' && c_.cp[b + 1] == 'v' && c_.cp[b + 2] == 'e') {
      emit(b, b + 1);
      emit(b + 1, e);
      return;
    }
    emit(b, e);
  }

  size_t digit_run(size_t j) const {
    size_t k = j;
    while (k < c_.size() && is_digit(c_.cp[k])) ++k;
    return k - j;
  }

  size_t scan_word(size_t i) {
    const size_t n = c_.size();
    size_t seg = i, j = i;
    bool seg_has_hyphen = false;
    for (;;) {
      while (j < n && is_word_char(c_.cp[j])) ++j;
      if (j >= n) break;
      const char32_t x = c_.cp[j], y = c_.at(j + 1), prev = c_.cp[j - 1];
      if (x == '.') {
        if (is_word_char(y)) {  // inner period: 3.5, U.S, example.com
          ++j;
          continue;
        }
        if (y != '.' && is_abbreviation(seg, j)) ++j;
        break;
      }
      if (x == ',' && is_digit(prev) && digit_run(j + 1) == 3) {  // 1,200
        ++j;
        continue;
      }
      if ((x == ':' || x == '/') && is_digit(prev) && is_digit(y)) {  // 10:30, 11/16/2023
        ++j;
        continue;
      }
      if (x == '/' && j - seg == 1 && is_letter(prev)) {  // w/o, w/, l/c, I/C
        size_t k = j + 1;
        while (k < n && is_letter(c_.cp[k])) ++k;
        if (k - (j + 1) <= 3 && (k == n || !is_word_char(c_.cp[k]))) {
          j = k;
          break;
        }
      }
      if (x == '&' && is_upper(prev) && is_upper(y) && j - seg <= 3) {  // AT&T, P&L
        ++j;
        continue;
      }
      if (is_word_hyphen(x) && is_word_char(y)) {
        bool keep;
        if (is_digit(prev) && is_digit(y)) {
          // Phone numbers and dates stay whole (713-853-3989, 11-20-2000); ranges split (1969 - 1970, 3 - 4).
          size_t left = 0;
          for (size_t k = j; k > seg && is_digit(c_.cp[k - 1]); --k) ++left;
          size_t right = digit_run(j + 1);
          char32_t after = c_.at(j + 1 + right);
          keep = seg_has_hyphen || (is_word_hyphen(after) && is_digit(c_.at(j + 2 + right))) ||
                 (left == 3 && right == 4);
        } else {
          std::string buf;
          keep = !seg_has_hyphen && ascii_lower(seg, j, buf) && lists().is_hyphen_prefix(buf);
        }
        if (keep) {
          seg_has_hyphen = true;
          ++j;
          continue;
        }
        emit_word(seg, j);
        emit(j, j + 1);
        seg = j = j + 1;
        seg_has_hyphen = false;
        continue;
      }
      if (is_apostrophe(x)) {
        size_t k = j + 1;
        while (k < n && is_letter(c_.cp[k])) ++k;
        const bool at_end = k >= n || !is_word_char(c_.cp[k]);
        std::string suffix;
        const bool ascii = ascii_lower(j + 1, k, suffix);
        if (at_end && ascii &&
            ((suffix == "s" && !is_digit(prev)) || suffix == "m" || suffix == "d" || suffix == "ll" ||
             suffix == "re" || suffix == "ve")) {
          emit_word(seg, j);
          emit(j, k);
          return k;
        }
        if (at_end && ascii && suffix == "t" && (prev == 'n' || prev == 'N') && j - 1 > seg) {  // n't
          emit(seg, j - 1);
          emit(j - 1, k);
          return k;
        }
        if (is_word_char(y)) {  // O'Brien, qa'ida, 1990's
          j = k > j + 1 ? k : j + 1;
          continue;
        }
        break;
      }
      break;
    }
    emit_word(seg, j);
    return j;
  }

  // URLs and e-mail addresses stay whole; brackets and punctuation around them split off.
  bool looks_like_url_or_email() {
    const size_t n = c_.size();
    size_t s = 0;
    while (s < n && !is_word_char(c_.cp[s])) ++s;
    if (s >= n) return false;
    size_t e = n;
    while (e > s && !is_word_char(c_.cp[e - 1]) && c_.cp[e - 1] != '/') --e;
    if (e - s < 5) return false;
    std::string buf;
    for (size_t k = s; k < e && k < s + 8; ++k) buf.push_back(static_cast<char>(segment::ascii_lower(c_.cp[k] < 0x80 ? c_.cp[k] : U'?')));
    bool url = buf.starts_with("http://") || buf.starts_with("https://") || buf.starts_with("ftp://") ||
               buf.starts_with("www.") || buf.starts_with("mailto:") || buf.starts_with("file:");
    if (!url) {
      // e-mail: word chars, '@', a dotted domain
      size_t at = e;
      for (size_t k = s; k < e; ++k)
        if (c_.cp[k] == '@') {
          at = k;
          break;
        }
      if (at > s && at + 3 < e) {
        bool dot = false, ok = true;
        for (size_t k = at + 1; k < e && ok; ++k) {
          char32_t c = c_.cp[k];
          if (c == '.') dot = true;
          else if (!is_word_char(c) && c != '-' && c != '_') ok = false;
        }
        url = ok && dot;
      }
    }
    if (!url) {
      // bare domain with a common top-level domain: example.com, news.bbc.co.uk/path
      static constexpr std::u32string_view kTlds[] = {U".com", U".org", U".net", U".gov", U".edu", U".co.uk", U".int", U".info", U".ir", U".ru", U".de"};
      for (size_t k = s; k < e && !url; ++k) {
        if (c_.cp[k] != '.') continue;
        for (auto tld : kTlds) {
          if (k + tld.size() > e) continue;
          bool ok = true;
          for (size_t q = 0; q < tld.size() && ok; ++q) ok = segment::ascii_lower(c_.cp[k + q]) == tld[q];
          if (ok && (k + tld.size() == e || c_.cp[k + tld.size()] == '/')) {
            url = true;
            break;
          }
        }
      }
    }
    if (!url) return false;
    url_begin_ = s;
    url_end_ = e;
    return true;
  }

  void emit_url() {
    size_t i = 0;
    while (i < url_begin_) i = step_punct_only(i, url_begin_);
    emit(url_begin_, url_end_);
    i = url_end_;
    while (i < c_.size()) i = step_punct_only(i, c_.size());
  }
  size_t step_punct_only(size_t i, size_t limit) {
    char32_t c = c_.cp[i];
    size_t j = i + 1;
    bool groups = !(c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}');
    if (groups)
      while (j < limit && c_.cp[j] == c) ++j;
    emit(i, j);
    return j;
  }

  const Chunk& c_;
  uint8_t gap_;
  std::vector<Span>& out_;
  bool first_ = true;
  size_t url_begin_ = 0, url_end_ = 0;
};

}  // namespace

Segmenter::Segmenter() { (void)lists(); }

void Segmenter::tokenize(std::string_view text, std::vector<Span>& out) const {
  out.clear();
  Chunk chunk;
  size_t pos = 0;
  const size_t n = text.size();
  int breaks = 0;
  bool spaced = false;
  while (pos < n) {
    // Whitespace run.
    size_t at = pos;
    char32_t c = static_cast<uint8_t>(text[pos]) < 0x80 ? static_cast<unsigned char>(text[pos++]) : text::decode_at(text, pos);
    if (is_ws(c)) {
      char32_t next = pos < n ? static_cast<unsigned char>(text[pos]) : 0;
      breaks += line_breaks(c, next);
      spaced = true;
      continue;
    }
    // Chunk: up to the next whitespace.
    chunk.cp.clear();
    chunk.off.clear();
    chunk.cp.push_back(c);
    chunk.off.push_back(static_cast<uint32_t>(at));
    while (pos < n) {
      size_t p = pos;
      char32_t d;
      if (static_cast<uint8_t>(text[p]) < 0x80) {
        d = static_cast<unsigned char>(text[p]);
        ++p;
      } else {
        d = text::decode_at(text, p);
      }
      if (is_ws(d)) break;
      chunk.cp.push_back(d);
      chunk.off.push_back(static_cast<uint32_t>(pos));
      pos = p;
    }
    chunk.off.push_back(static_cast<uint32_t>(pos));
    uint8_t gap = breaks >= 2 ? kGapParagraph : breaks == 1 ? kGapLine : spaced ? kGapSpace : kGapNone;
    ChunkTokenizer(chunk, gap, out).run();
    breaks = 0;
    spaced = false;
  }
}

Status Segmenter::segment(doc::Document& doc) const {
  if (doc.text.size() >= std::numeric_limits<uint32_t>::max())
    return Status(Code::kTooLarge, "text of " + std::to_string(doc.text.size()) + " bytes exceeds 4 GiB");
  doc.tokens.clear();
  doc.sentences.clear();
  std::vector<Span> spans;
  spans.reserve(doc.text.size() / 5 + 1);
  tokenize(doc.text, spans);
  std::vector<uint8_t> starts;
  split_sentences(doc.text, spans, starts);

  doc.tokens.reserve(spans.size());
  const std::string_view text(doc.text);
  uint32_t byte = 0, cp = 0;
  auto advance = [&](uint32_t target) {
    // Counts code points up to target; tokens are in text order, so the whole pass is linear.
    for (; byte < target; ++byte) cp += (static_cast<uint8_t>(text[byte]) & 0xC0) != 0x80;
    return cp;
  };
  uint32_t paragraph = 0;
  doc::TokenIdx sentence_first = 0;
  for (size_t t = 0; t < spans.size(); ++t) {
    const Span& s = spans[t];
    if (t > 0 && starts[t]) {
      doc.sentences.add(sentence_first, static_cast<doc::TokenIdx>(t), paragraph);
      sentence_first = static_cast<doc::TokenIdx>(t);
      if (s.gap_before == kGapParagraph) ++paragraph;
    }
    uint32_t bcp = advance(s.begin);
    uint32_t ecp = advance(s.end);
    bool space = t + 1 < spans.size() ? spans[t + 1].gap_before != kGapNone : s.end < text.size();
    doc.tokens.add(s.begin, s.end, bcp, ecp, doc.strings.intern(text.substr(s.begin, s.end - s.begin)), space);
  }
  if (!spans.empty()) doc.sentences.add(sentence_first, static_cast<doc::TokenIdx>(spans.size()), paragraph);
  doc.layers |= doc::kLayerTokens | doc::kLayerSentences;
  return Status::ok();
}

}  // namespace casus::segment
