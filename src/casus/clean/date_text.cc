#include "casus/clean/date_text.h"

#include <array>
#include <cctype>
#include <string>

namespace casus::clean {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool valid_year(int y) { return y >= 1990 && y <= 2099; }

std::optional<Date> make(int y, int m, int d) {
  if (!valid_year(y)) return std::nullopt;
  Date out = Date::ymd(y, m, d);
  if (!out.valid()) return std::nullopt;
  return out;
}

enum class Kind : uint8_t { kNum, kWord, kPunct };
struct Tok {
  Kind kind;
  size_t begin, end;
  bool space_before;  // whitespace between the previous token and this one
};

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> toks;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    size_t j = i + 1;
    Kind k = Kind::kPunct;
    if (is_digit(c)) {
      k = Kind::kNum;
      while (j < s.size() && is_digit(s[j])) ++j;
    } else if (is_alpha(c)) {
      k = Kind::kWord;
      while (j < s.size() && is_alpha(s[j])) ++j;
    } else if (static_cast<unsigned char>(c) == 0xC2 && j < s.size() && static_cast<unsigned char>(s[j]) == 0xA0) {
      space = true;  // no-break space
      i += 2;
      continue;
    }
    toks.push_back({k, i, j, space});
    space = false;
    i = j;
  }
  return toks;
}

}  // namespace

int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {"january", "february", "march",     "april",
                                                              "may",     "june",     "july",      "august",
                                                              "september", "october", "november", "december"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3 || word.size() > 9) return 0;
  // Cheap reject before lower-casing: every month name starts with one of these letters.
  switch (word[0] | 0x20) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
  }
  const std::string low = lower(word);
  for (size_t i = 0; i < kNames.size(); ++i)
    if (low == kNames[i] || low == kNames[i].substr(0, 3) || (i == 8 && low == "sept")) return static_cast<int>(i) + 1;
  return 0;
}

int weekday_number(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                             "friday", "saturday", "sunday"};
  if (word.size() < 3 || word.size() > 9) return -1;
  switch (word[0] | 0x20) {
    case 'm': case 't': case 'w': case 'f': case 's': break;
    default: return -1;
  }
  const std::string low = lower(word);
  for (size_t i = 0; i < kNames.size(); ++i)
    if (low == kNames[i] || low == kNames[i].substr(0, 3) || (i == 1 && low == "tues") ||
        (i == 3 && (low == "thur" || low == "thurs")))
      return static_cast<int>(i);
  return -1;
}

std::vector<DateMatch> find_dates(std::string_view s, size_t max_matches) {
  std::vector<DateMatch> out;
  const std::vector<Tok> t = tokenize(s);
  auto text = [&](size_t i) { return s.substr(t[i].begin, t[i].end - t[i].begin); };
  auto is_num = [&](size_t i, size_t min_len, size_t max_len) {
    return i < t.size() && t[i].kind == Kind::kNum && t[i].end - t[i].begin >= min_len &&
           t[i].end - t[i].begin <= max_len;
  };
  auto is_punct = [&](size_t i, char c) { return i < t.size() && t[i].kind == Kind::kPunct && s[t[i].begin] == c; };
  // A weekday named within three tokens before `i` (for day/month order), or -1.
  auto weekday_before = [&](size_t i) {
    for (size_t k = i, steps = 0; k > 0 && steps < 3; --k, ++steps)
      if (t[k - 1].kind == Kind::kWord) return weekday_number(text(k - 1));
    return -1;
  };
  auto ordinal_suffix = [&](size_t i) {
    if (i >= t.size() || t[i].kind != Kind::kWord || t[i].space_before) return false;
    const std::string w = lower(text(i));
    return w == "st" || w == "nd" || w == "rd" || w == "th";
  };
  for (size_t i = 0; i < t.size() && out.size() < max_matches; ++i) {
    // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
    if (is_num(i, 4, 4) && i + 4 < t.size() && t[i + 1].kind == Kind::kPunct && !t[i + 1].space_before &&
        is_num(i + 2, 1, 2) && !t[i + 2].space_before && is_punct(i + 3, s[t[i + 1].begin]) &&
        !t[i + 3].space_before && is_num(i + 4, 1, 2) && !t[i + 4].space_before) {
      const char sep = s[t[i + 1].begin];
      if (sep == '-' || sep == '/' || sep == '.') {
        if (auto d = make(to_int(text(i)), to_int(text(i + 2)), to_int(text(i + 4)))) {
          out.push_back({*d, t[i].begin, t[i + 4].end});
          i += 4;
          continue;
        }
      }
    }
    // DD/MM/YYYY or MM/DD/YYYY (also with . or -)
    if (is_num(i, 1, 2) && i + 4 < t.size() && t[i + 1].kind == Kind::kPunct && !t[i + 1].space_before &&
        is_num(i + 2, 1, 2) && !t[i + 2].space_before && is_punct(i + 3, s[t[i + 1].begin]) &&
        !t[i + 3].space_before && is_num(i + 4, 4, 4) && !t[i + 4].space_before) {
      const char sep = s[t[i + 1].begin];
      if (sep == '-' || sep == '/' || sep == '.') {
        const int a = to_int(text(i)), b = to_int(text(i + 2)), y = to_int(text(i + 4));
        std::optional<Date> d;
        if (a > 12) d = make(y, b, a);
        else if (b > 12) d = make(y, a, b);
        else if (a == b) d = make(y, a, b);
        else if (const int wd = weekday_before(i); wd >= 0) {
          auto mdy = make(y, a, b), dmy = make(y, b, a);
          if (mdy && mdy->weekday() == wd) d = mdy;
          else if (dmy && dmy->weekday() == wd) d = dmy;
        }
        if (d) {
          out.push_back({*d, t[i].begin, t[i + 4].end});
          i += 4;
          continue;
        }
      }
    }
    // Month D[st], YYYY   ("Nov. 16, 2023", "November 16 2023")
    if (i < t.size() && t[i].kind == Kind::kWord) {
      if (const int m = month_number(text(i))) {
        size_t k = i + 1;
        if (is_punct(k, '.')) ++k;
        if (is_num(k, 1, 2)) {
          const int day = to_int(text(k));
          size_t e = k;
          ++k;
          if (ordinal_suffix(k)) ++k;
          if (is_punct(k, ',')) ++k;
          if (is_num(k, 4, 4)) {
            if (auto d = make(to_int(text(k)), m, day)) {
              out.push_back({*d, t[i].begin, t[k].end});
              i = k;
              continue;
            }
          }
          (void)e;
        }
      }
    }
    // D[st] [of] Month[,] YYYY   ("16 November 2023", "01 November, 2023", "31st October, 2022")
    if (is_num(i, 1, 2)) {
      size_t k = i + 1;
      if (ordinal_suffix(k)) ++k;
      if (k < t.size() && t[k].kind == Kind::kWord && lower(text(k)) == "of") ++k;
      if (k < t.size() && t[k].kind == Kind::kWord) {
        if (const int m = month_number(text(k))) {
          ++k;
          if (is_punct(k, '.')) ++k;
          if (is_punct(k, ',')) ++k;
          if (is_num(k, 4, 4)) {
            if (auto d = make(to_int(text(k)), m, to_int(text(i)))) {
              out.push_back({*d, t[i].begin, t[k].end});
              i = k;
              continue;
            }
          }
        }
      }
    }
  }
  return out;
}

int find_month_day(std::string_view s) {
  const std::vector<Tok> t = tokenize(s);
  auto text = [&](size_t i) { return s.substr(t[i].begin, t[i].end - t[i].begin); };
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].kind == Kind::kWord) {
      if (const int m = month_number(text(i))) {
        size_t k = i + 1;
        if (k < t.size() && t[k].kind == Kind::kPunct && s[t[k].begin] == '.') ++k;
        if (k < t.size() && t[k].kind == Kind::kNum && t[k].end - t[k].begin <= 2) {
          const int d = to_int(text(k));
          if (d >= 1 && d <= 31) return m * 100 + d;
        }
      }
    } else if (t[i].kind == Kind::kNum && t[i].end - t[i].begin <= 2 && t[i + 1].kind == Kind::kWord) {
      const int d = to_int(text(i));
      if (const int m = month_number(text(i + 1)); m && d >= 1 && d <= 31) return m * 100 + d;
    }
  }
  return 0;
}

std::optional<Date> date_from_url(std::string_view url) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    const size_t slash = url.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    url.remove_prefix(slash);
  }
  url = url.substr(0, std::min(url.find_first_of("?#"), url.size()));
  if (url.size() > 2048) url = url.substr(0, 2048);
  // Path segments.
  std::vector<std::string_view> seg;
  for (size_t i = 0; i < url.size();) {
    size_t j = url.find('/', i);
    if (j == std::string_view::npos) j = url.size();
    if (j > i) seg.push_back(url.substr(i, j - i));
    i = j + 1;
  }
  auto all_digits = [](std::string_view w) {
    if (w.empty()) return false;
    for (char c : w)
      if (!is_digit(c)) return false;
    return true;
  };
  std::optional<Date> month_only;
  // /YYYY/MM/DD/ and /YYYY/mon/DD/
  for (size_t i = 0; i + 1 < seg.size(); ++i) {
    if (seg[i].size() != 4 || !all_digits(seg[i]) || !valid_year(to_int(seg[i]))) continue;
    int m = 0;
    if (all_digits(seg[i + 1]) && seg[i + 1].size() <= 2) m = to_int(seg[i + 1]);
    else m = month_number(seg[i + 1]);
    if (m < 1 || m > 12) continue;
    if (i + 2 < seg.size() && all_digits(seg[i + 2]) && seg[i + 2].size() <= 2) {
      if (auto d = make(to_int(seg[i]), m, to_int(seg[i + 2]))) return d;
    }
    if (!month_only) month_only = Date::ym(to_int(seg[i]), m);
  }
  // YYYY-MM-DD inside a segment.
  for (const auto& sg : seg) {
    const auto dates = find_dates(sg, 1);
    if (!dates.empty() && sg.substr(dates[0].begin, 4).find_first_not_of("0123456789") == std::string_view::npos)
      return dates[0].date;
  }
  // YYYYMMDD as a digit run of its own, or leading a long numeric id.
  for (const auto& sg : seg) {
    for (size_t i = 0; i < sg.size();) {
      if (!is_digit(sg[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < sg.size() && is_digit(sg[j])) ++j;
      if (j - i >= 8) {
        const std::string_view run = sg.substr(i, 8);
        if (auto d = make(to_int(run.substr(0, 4)), to_int(run.substr(4, 2)), to_int(run.substr(6, 2)))) return d;
      }
      i = j;
    }
  }
  return month_only;
}

}  // namespace casus::clean
