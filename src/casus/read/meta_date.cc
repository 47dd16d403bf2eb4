#include "casus/read/meta_date.h"

#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace casus::read {

namespace {

int month_from_name(std::string_view w) {
  // Full names, three-letter abbreviations and "Sept"; nothing else ("Decision" is not December).
  static constexpr std::array<std::string_view, 12> kNames = {"january", "february", "march",     "april",
                                                              "may",     "june",     "july",      "august",
                                                              "september", "october", "november", "december"};
  if (w.size() < 3 || w.size() > 9) return 0;
  std::string low;
  for (char c : w) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (low == kNames[i] || low == kNames[i].substr(0, 3) || (i == 8 && low == "sept")) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<Date> checked(int y, int m, int d) {
  Date out = d ? Date::ymd(y, m, d) : Date::ym(y, m);
  if (y < 1900 || y > 2100 || !out.valid()) return std::nullopt;
  return out;
}

}  // namespace

std::optional<Date> parse_meta_date(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (s.size() > 200) s = s.substr(0, 200);
  // Numeric leading forms: YYYY-MM-DD..., YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD..., YYYY-MM.
  if (s.size() >= 8 && all_digits(s.substr(0, 4))) {
    const char sep = s[4];
    if ((sep == '-' || sep == '/' || sep == '.') && s.size() >= 7 && all_digits(s.substr(5, 2))) {
      const int y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2));
      if (s.size() >= 10 && s[7] == sep && all_digits(s.substr(8, 2)) &&
          (s.size() == 10 || !std::isdigit(static_cast<unsigned char>(s[10]))))
        return checked(y, m, to_int(s.substr(8, 2)));
      if (s.size() == 7) return checked(y, m, 0);
      return std::nullopt;
    }
    if (all_digits(s.substr(0, 8)) && (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8])))) {
      return checked(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)));
    }
  }
  if (s.size() == 7 && all_digits(s.substr(0, 4)) && s[4] == '-' && all_digits(s.substr(5, 2)))
    return checked(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), 0);

  // Word forms: split into words of letters or digits; need a month name, a day and a 4-digit year.
  std::vector<std::string_view> words;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c)) {
      size_t j = i;
      const bool digit = std::isdigit(c);
      while (j < s.size() && (digit ? std::isdigit(static_cast<unsigned char>(s[j]))
                                    : std::isalpha(static_cast<unsigned char>(s[j]))))
        ++j;
      words.push_back(s.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
    if (words.size() > 8) break;
  }
  int y = 0, m = 0, d = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (all_digits(w)) {
      if (w.size() == 4 && !y) y = to_int(w);
      else if (w.size() <= 2 && !d && to_int(w) >= 1 && to_int(w) <= 31 && (m || (i + 1 < words.size() && month_from_name(words[i + 1])))) d = to_int(w);
      else if (w.size() <= 2 && !d && m) d = to_int(w);
    } else if (!m) {
      m = month_from_name(w);
    }
  }
  if (y && m && d) return checked(y, m, d);
  return std::nullopt;
}

}  // namespace casus::read
