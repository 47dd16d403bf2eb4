#include "casus/text/utf8.h"

#include <utf8proc.h>

namespace casus::text {

char32_t decode_at(std::string_view s, size_t& pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  uint8_t b0 = p[pos];
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len;
  char32_t cp, min;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else { ++pos; return kReplacementChar; }
  if (pos + len > n) { ++pos; return kReplacementChar; }
  for (int i = 1; i < len; ++i) {
    uint8_t b = p[pos + i];
    if ((b & 0xC0) != 0x80) { ++pos; return kReplacementChar; }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return kReplacementChar; }
  pos += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t find_invalid_utf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t at = pos;
    if (static_cast<uint8_t>(s[pos]) < 0x80) { ++pos; continue; }
    char32_t cp = decode_at(s, pos);
    // A genuine U+FFFD in the input is 3 bytes long; a decoding failure advances exactly one byte.
    if (cp == kReplacementChar && pos - at == 1) return at;
  }
  return std::string_view::npos;
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

static utf8proc_category_t category(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  auto k = category(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}
bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return category(c) == UTF8PROC_CATEGORY_LU || category(c) == UTF8PROC_CATEGORY_LT;
}
bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return category(c) == UTF8PROC_CATEGORY_LL;
}
bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return category(c) == UTF8PROC_CATEGORY_ND;
}
bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  if (c == 0x85 || c == 0xA0 || c == 0x1680 || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
      c == 0x3000)
    return true;
  return c >= 0x2000 && c <= 0x200A;
}
bool is_punct(char32_t c) {
  auto k = category(c);
  return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}
bool is_symbol(char32_t c) {
  auto k = category(c);
  return k >= UTF8PROC_CATEGORY_SM && k <= UTF8PROC_CATEGORY_SO;
}
bool is_emoji_like(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x1F1E6 && c <= 0x1F1FF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x2B50 ||
         c == 0x2B55 || (c >= 0x2300 && c <= 0x23FF);
}
bool is_dash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}
bool is_quote(char32_t c) {
  switch (c) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2018: case 0x2019:
    case 0x201A: case 0x201B: case 0x00AB: case 0x00BB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
    case 0xFF02: case 0xFF07: case 0x0060: case 0x00B4:
      return true;
    default:
      return false;
  }
}
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2032; }
char32_t to_lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

bool fold_typography(std::string_view s, std::string& out) {
  if (s.find('\xE2') == std::string_view::npos) return false;  // all of them start with E2 in UTF-8
  struct Fold {
    std::string_view from, to;
  };
  static constexpr Fold kFolds[] = {{"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""},
                                    {"\u2014", "--"}, {"\u2013", "-"}, {"\u2026", "..."}};
  std::string r;
  r.reserve(s.size());
  bool changed = false;
  for (size_t i = 0; i < s.size();) {
    bool hit = false;
    for (const Fold& f : kFolds)
      if (s.compare(i, f.from.size(), f.from) == 0) {
        r += f.to;
        i += f.from.size();
        hit = changed = true;
        break;
      }
    if (!hit) r += s[i++];
  }
  if (changed) out = std::move(r);
  return changed;
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    auto c = static_cast<uint8_t>(s[pos]);
    if (c < 0x80) {
      out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
      ++pos;
      continue;
    }
    size_t at = pos;
    char32_t cp = decode_at(s, pos);
    if (cp == kReplacementChar && pos - at == 1) { out.push_back(s[at]); continue; }
    append_utf8(out, to_lower(cp));
  }
  return out;
}

}  // namespace casus::text
