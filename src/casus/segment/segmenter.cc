#include "casus/segment/segmenter.h"

#include <cstring>
#include <limits>

#include "casus/segment/lexicon.h"
#include "casus/text/utf8.h"

namespace casus::segment {

namespace {

const WordLists& lists() { return word_lists(); }

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
inline bool is_ascii_letter(char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool is_ascii_space(char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); }

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

// Words EWT splits although they have no apostrophe: "cannot" → can not, "gonna" → gon na, "im" → i m,
// "hes" → he s, "Lets" → Let s. Returns the length of the first part, 0 to keep the word whole.
size_t word_split(std::string_view w) {
  const size_t n = w.size();
  if (n < 2 || n > 8) return 0;
  if (n == 2) return (w[0] == 'i' || w[0] == 'I') && w[1] == 'm' ? 1 : 0;  // "IM" (instant messaging) stays
  if (n == 3) {
    if ((w[0] == 'h' || w[0] == 'H') && w[1] == 'e' && w[2] == 's') return 2;
    if ((w[0] == 'i' || w[0] == 'I') && w[1] == 'v' && w[2] == 'e') return 1;
    return 0;
  }
  if (w == "Lets") return 3;
  const char last = static_cast<char>(ascii_lower(static_cast<unsigned char>(w[n - 1])));
  if (last != 't' && last != 'a' && last != 'e' && last != 's' && last != 'l') return 0;
  char low[8];
  for (size_t k = 0; k < n; ++k) low[k] = static_cast<char>(ascii_lower(static_cast<unsigned char>(w[k])));
  return lists().contraction_split(std::string_view(low, n));
}

// One chunk (maximal run of non-whitespace) decoded to code points with their byte offsets.
struct Chunk {
  std::vector<char32_t> cp;
  std::vector<uint32_t> off;  // off[i] = byte offset of cp[i]; off[n] = end
  size_t size() const { return cp.size(); }
  char32_t at(size_t i) const { return i < cp.size() ? cp[i] : 0; }
};

class ChunkTokenizer {
 public:
  // next_after: the first character after the chunk's trailing whitespace (0 at the end of the text).
  ChunkTokenizer(const Chunk& c, uint8_t gap, char32_t next_after, std::vector<Span>& out)
      : c_(c), gap_(gap), next_after_(next_after), out_(out) {}

  void run() {
    const size_t n = c_.size();
    size_t i = 0, b = 0, e = 0;
    while (i < n) {
      // Tokenize up to the next URL/e-mail/handle (kept whole), then the rest.
      bool special = find_special(i, b, e);
      end_ = special ? b : n;
      while (i < end_) i = step(i);
      if (!special) break;
      end_ = n;
      emit(b, e);
      i = e;
    }
  }

 private:
  void emit(size_t b, size_t e) {
    if (b >= e) return;
    out_.push_back(Span{c_.off[b], c_.off[e], first_ ? gap_ : static_cast<uint8_t>(kGapNone)});
    first_ = false;
  }

  // One token (or a few) starting at i; returns the next position.
  size_t step(size_t i) {
    const size_t n = end_;
    char32_t c = c_.cp[i];
    if (is_word_char(c)) return scan_word(i);
    // '72, '90s: a year with its apostrophe.
    if (is_apostrophe(c) && is_digit(at(i + 1)) && (i == 0 || !is_word_char(c_.cp[i - 1]))) {
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
      if (c >= 0x1F1E6 && c <= 0x1F1FF && at(j) >= 0x1F1E6 && at(j) <= 0x1F1FF) ++j;  // flag pair
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
    const size_t n = end_;
    const char32_t c0 = c_.cp[i];
    if (c0 != ':' && c0 != ';' && c0 != '=' && c0 != '<' && c0 != '^' && c0 != '-' && c0 != 'o' && c0 != 'O')
      return 0;
    for (auto e : kEmoticons) {
      if (i + e.size() > n) continue;
      bool ok = true;
      for (size_t k = 0; k < e.size() && ok; ++k) ok = c_.cp[i + k] == e[k];
      if (!ok) continue;
      char32_t last = e.back();
      if (is_letter(last) && is_word_char(at(i + e.size()))) continue;
      // ":/" inside "http://" is not a face; "=)" after a word char is rare enough to accept.
      if (e == U":/" && at(i + 2) == '/') continue;
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
    if (buf == "No." || buf == "Nos." || buf == "no.") {
      // "No. 5" but not "No." at the end of an answer: only before a number.
      char32_t next = dot + 1 < c_.size() ? c_.cp[dot + 1] : next_after_;
      return is_digit(next);
    }
    return lists().is_abbreviation(buf);
  }

  // Emits a word token [b, e), splitting contractions written without an apostrophe ("cannot" → can not).
  void emit_word(size_t b, size_t e) {
    if (e - b >= 2 && e - b <= 8) {
      char buf[8];
      bool ascii = true;
      for (size_t k = b; k < e && ascii; ++k) {
        ascii = c_.cp[k] < 0x80;
        buf[k - b] = static_cast<char>(c_.cp[k]);
      }
      if (ascii) {
        if (size_t k = word_split(std::string_view(buf, e - b))) {
          emit(b, b + k);
          emit(b + k, e);
          return;
        }
      }
    }
    emit(b, e);
  }

  size_t digit_run(size_t j) const {
    size_t k = j;
    while (k < end_ && is_digit(c_.cp[k])) ++k;
    return k - j;
  }

  size_t scan_word(size_t i) {
    const size_t n = end_;
    size_t seg = i, j = i;
    bool seg_has_hyphen = false;
    for (;;) {
      while (j < n && is_word_char(c_.cp[j])) ++j;
      if (j >= n) break;
      const char32_t x = c_.cp[j], y = at(j + 1), prev = c_.cp[j - 1];
      if (x == '.') {
        if (is_word_char(y)) {  // inner period: 3.5, U.S, example.com
          ++j;
          continue;
        }
        // "Inc.." is the abbreviation plus a sentence period; "etc..." is a word plus an ellipsis.
        if ((y != '.' || at(j + 2) != '.') && is_abbreviation(seg, j)) ++j;
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
          char32_t after = at(j + 1 + right);
          keep = seg_has_hyphen || (is_word_hyphen(after) && is_digit(at(j + 2 + right))) ||
                 (left <= 3 && right == 4);
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

  // Finds the next URL, e-mail address, @handle or #hashtag at or after `from`: [b, e) of the chunk.
  bool find_special(size_t from, size_t& b, size_t& e) const {
    const size_t n = c_.size();
    for (size_t p = from; p < n; ++p) {
      char32_t c = c_.cp[p];
      if (p > from && is_word_char(c_.cp[p - 1]) && c != '@') continue;
      const char32_t c2 = segment::ascii_lower(c_.at(p + 1));
      if (((c == 'h' || c == 'H' || c == 'f' || c == 'F') && c2 == 't') || ((c == 'w' || c == 'W') && c2 == 'w') ||
          ((c == 'm' || c == 'M') && c2 == 'a')) {
        std::string head;
        for (size_t k = p; k < n && k < p + 8; ++k)
          head.push_back(static_cast<char>(c_.cp[k] < 0x80 ? segment::ascii_lower(c_.cp[k]) : U'?'));
        if (head.starts_with("http://") || head.starts_with("https://") || head.starts_with("ftp://") ||
            head.starts_with("www.") || head.starts_with("mailto:")) {
          size_t q = p;
          while (q < n && !is_url_stop(c_.cp[q])) ++q;
          while (q > p && is_url_trailer(c_.cp[q - 1])) --q;
          if (q - p >= 5) {
            b = p;
            e = q;
            return true;
          }
        }
      }
      if (c == '@' && p + 1 < n && is_word_char(c_.cp[p + 1])) {
        // e-mail: local part back over word chars and . - _ + ; domain forward over word chars and . - _
        size_t lb = p;
        while (lb > from && (is_word_char(c_.cp[lb - 1]) || is_email_inner(c_.cp[lb - 1]))) --lb;
        while (lb < p && !is_word_char(c_.cp[lb])) ++lb;  // a local part starts with a word character
        size_t q = p + 1;
        while (q < n && (is_word_char(c_.cp[q]) || is_email_inner(c_.cp[q]))) ++q;
        while (q > p + 1 && !is_word_char(c_.cp[q - 1])) --q;
        if (lb < p || p == from || !is_word_char(c_.cp[p - 1])) {
          // user@host, or an @handle when nothing precedes
          if (lb == p && p > from && is_word_char(c_.cp[p - 1])) continue;
          b = lb;
          e = q;
          return true;
        }
      }
      if (c == '#' && (p == from || !is_word_char(c_.cp[p - 1])) && is_letter(c_.at(p + 1))) {
        size_t q = p + 1;
        while (q < n && (is_word_char(c_.cp[q]) || c_.cp[q] == '_')) ++q;
        b = p;
        e = q;
        return true;
      }
    }
    // Bare domain with a common top-level domain: example.com, news.bbc.co.uk/path — the whole word.
    static constexpr std::u32string_view kTlds[] = {U".com", U".org", U".net", U".gov", U".edu", U".co.uk",
                                                    U".int", U".info", U".ir", U".ru", U".de", U".ca", U".uk"};
    for (size_t k = from; k < n; ++k) {
      if (c_.cp[k] != '.' || k == from || !is_word_char(c_.cp[k - 1])) continue;
      for (auto tld : kTlds) {
        if (k + tld.size() > n) continue;
        bool ok = true;
        for (size_t q = 0; q < tld.size() && ok; ++q) ok = segment::ascii_lower(c_.cp[k + q]) == tld[q];
        size_t after = k + tld.size();
        if (!ok || (after < n && (is_word_char(c_.cp[after]) || (c_.cp[after] == '.' && after + 1 < n &&
                                                                    is_word_char(c_.cp[after + 1])))))
          continue;
        size_t lb = k;
        while (lb > from && (is_word_char(c_.cp[lb - 1]) || c_.cp[lb - 1] == '.' || c_.cp[lb - 1] == '-')) --lb;
        while (lb < k && !is_word_char(c_.cp[lb])) ++lb;
        size_t q = after;
        if (q < n && c_.cp[q] == '/')
          while (q < n && !is_url_stop(c_.cp[q])) ++q;
        while (q > after && is_url_trailer(c_.cp[q - 1])) --q;
        b = lb;
        e = q;
        return true;
      }
    }
    return false;
  }
  static bool is_url_stop(char32_t c) {
    return c == '<' || c == '>' || c == '"' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB;
  }
  static bool is_url_trailer(char32_t c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
           c == '}' || c == '\'' || c == 0x2019;
  }
  static bool is_email_inner(char32_t c) { return c == '.' || c == '-' || c == '_' || c == '+'; }

  const Chunk& c_;
  uint8_t gap_;
  char32_t next_after_;
  std::vector<Span>& out_;
  bool first_ = true;
  size_t end_ = 0;  // tokens end here (the start of the next special span)
  char32_t at(size_t i) const { return i < end_ ? c_.cp[i] : 0; }
};

// "its" written for "it's" (EWT splits it: it + s) is recognised by the word after it, which a possessive
// "its" is never followed by: "its not", "its a", "its really".
bool is_its_contraction(std::string_view next) {
  static constexpr std::string_view kAfter[] = {
      "not", "a", "an", "the", "really", "simply", "very", "like", "in", "now", "definitely", "for", "easy", "also",
      "from", "important", "only", "simple", "nothing", "called", "great", "all", "getting", "been", "less",
      "horrible", "just", "rare", "still", "cheap", "so", "too", "ok", "okay", "good", "nice", "true", "hard",
      "going", "gonna", "about", "always", "never", "worth", "pretty", "quite", "best", "better", "amazing",
      "awesome", "fun", "free", "my", "your", "what", "how", "on", "at", "no", "over", "done", "fine", "because"};
  std::string low(next);
  for (char& c : low)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  for (auto w : kAfter)
    if (low == w) return true;
  return false;
}

void split_its(std::string_view text, std::vector<Span>& spans) {
  size_t extra = 0;
  for (size_t t = 0; t + 1 < spans.size(); ++t) {
    std::string_view w = text.substr(spans[t].begin, spans[t].end - spans[t].begin);
    if ((w == "its" || w == "Its") && spans[t + 1].gap_before == kGapSpace &&
        is_its_contraction(text.substr(spans[t + 1].begin, spans[t + 1].end - spans[t + 1].begin)))
      ++extra;
  }
  if (extra == 0) return;
  std::vector<Span> out;
  out.reserve(spans.size() + extra);
  for (size_t t = 0; t < spans.size(); ++t) {
    const Span& sp = spans[t];
    std::string_view w = text.substr(sp.begin, sp.end - sp.begin);
    if (t + 1 < spans.size() && (w == "its" || w == "Its") && spans[t + 1].gap_before == kGapSpace &&
        is_its_contraction(text.substr(spans[t + 1].begin, spans[t + 1].end - spans[t + 1].begin))) {
      out.push_back(Span{sp.begin, sp.begin + 2, sp.gap_before});
      out.push_back(Span{sp.begin + 2, sp.end, kGapNone});
    } else {
      out.push_back(sp);
    }
  }
  spans.swap(out);
}

}  // namespace

Segmenter::Segmenter(bool ascii_fast_path) : ascii_fast_path_(ascii_fast_path) { (void)lists(); }

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
    // Fast path for the common chunk: ASCII letters, optionally followed by one , ; : ! ? ) or a non-abbreviation
    // period, then ASCII whitespace or the end.
    if (ascii_fast_path_) {
      uint8_t gap = breaks >= 2 ? kGapParagraph : breaks == 1 ? kGapLine : spaced ? kGapSpace : kGapNone;
      size_t q = at;
      while (q < n && is_ascii_letter(text[q])) ++q;
      size_t t = q;
      if (q > at && t < n && (text[t] == ',' || text[t] == ';' || text[t] == ':' || text[t] == '!' ||
                              text[t] == '?' || text[t] == ')' || text[t] == '.'))
        ++t;
      bool fast = q > at && (t == n || is_ascii_space(text[t]));
      if (fast && t > q && text[q] == '.') {
        std::string_view with_dot = text.substr(at, t - at);
        fast = q - at > 1 && !lists().is_abbreviation(with_dot) && with_dot != "No." && with_dot != "Nos." &&
               with_dot != "Lets.";
      }
      if (fast) {
        size_t k = word_split(text.substr(at, q - at));
        if (k) {
          out.push_back(Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + k), gap});
          out.push_back(Span{static_cast<uint32_t>(at + k), static_cast<uint32_t>(q), kGapNone});
        } else {
          out.push_back(Span{static_cast<uint32_t>(at), static_cast<uint32_t>(q), gap});
        }
        if (t > q) out.push_back(Span{static_cast<uint32_t>(q), static_cast<uint32_t>(t), kGapNone});
        pos = t;
        breaks = 0;
        spaced = false;
        continue;
      }
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
    char32_t next_after = 0;
    for (size_t p = pos; p < n;) {
      char32_t d = text::decode_at(text, p);
      if (!is_ws(d)) {
        next_after = d;
        break;
      }
    }
    ChunkTokenizer(chunk, gap, next_after, out).run();
    breaks = 0;
    spaced = false;
  }
  split_its(text, out);
}

namespace {

// Per-call memo of token text → StrId in front of StringStore::intern: open addressing over a flat array, so
// the common case (a word seen before in this document) costs one short hash and one compare, not a node walk.
class InternCache {
 public:
  InternCache(doc::StringStore& store, std::string_view text) : store_(store), text_(text), slots_(1024) {}

  // s must be a substring of the text given to the constructor.
  doc::StrId intern(std::string_view s) {
    const uint32_t h = hash(s);
    const auto off = static_cast<uint32_t>(s.data() - text_.data());
    const auto len = static_cast<uint32_t>(s.size());
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.id == kEmpty) {
        const doc::StrId id = store_.intern(s);
        slot = Slot{h, off, len, id};
        if (++used_ * 2 > slots_.size()) grow();  // invalidates `slot`
        return id;
      }
      if (slot.hash == h && slot.len == len && equal(text_.data() + slot.off, s.data(), len)) return slot.id;
    }
  }

 private:
  static constexpr doc::StrId kEmpty = 0xFFFFFFFFu;
  struct Slot {  // 16 bytes: the table stays small enough for the cache
    uint32_t hash = 0, off = 0, len = 0;
    doc::StrId id = kEmpty;
  };
  static uint32_t hash(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  static bool equal(const char* a, const char* b, size_t n) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    for (size_t k = 0; k < n; ++k)
      if (a[k] != b[k]) return false;
    return true;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& o : old) {
      if (o.id == kEmpty) continue;
      size_t i = o.hash & mask;
      while (slots_[i].id != kEmpty) i = (i + 1) & mask;
      slots_[i] = o;
    }
  }
  doc::StringStore& store_;
  std::string_view text_;
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

}  // namespace

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
  // "LIMA (Wire) - Peru's interior minister condemned …": the dateline is no part of the first
  // sentence's grammar; parsed with it, the place becomes the subject. It stands as a fragment of its own.
  if (doc.meta.dateline_end > 0)
    for (size_t t = 1; t < spans.size() && t < 16; ++t)
      if (spans[t].begin >= doc.meta.dateline_end) {
        if (spans[t - 1].end <= doc.meta.dateline_end) starts[t] = 1;
        break;
      }

  doc.tokens.reserve(spans.size());
  const std::string_view text(doc.text);
  // Code point offsets: equal to byte offsets in ASCII text; otherwise counted incrementally (tokens are in
  // text order, so the whole pass is linear).
  bool ascii = true;
  for (unsigned char c : text) ascii &= c < 0x80;
  uint32_t byte = 0, cp = 0;
  auto advance = [&](uint32_t target) {
    if (ascii) return target;
    for (; byte < target; ++byte) cp += (static_cast<uint8_t>(text[byte]) & 0xC0) != 0x80;
    return cp;
  };
  uint32_t paragraph = 0;
  doc::TokenIdx sentence_first = 0;
  InternCache cache(doc.strings, text);
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
    doc.tokens.add(s.begin, s.end, bcp, ecp, cache.intern(text.substr(s.begin, s.end - s.begin)), space);
  }
  if (!spans.empty()) doc.sentences.add(sentence_first, static_cast<doc::TokenIdx>(spans.size()), paragraph);
  doc.layers |= doc::kLayerTokens | doc::kLayerSentences;
  return Status::ok();
}

}  // namespace casus::segment
