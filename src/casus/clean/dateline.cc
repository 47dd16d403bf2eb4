#include "casus/clean/dateline.h"

#include <array>
#include <cctype>
#include <vector>

#include "casus/clean/date_text.h"
#include "casus/text/utf8.h"

namespace casus::clean {

namespace {

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool high_byte(char c) { return static_cast<unsigned char>(c) >= 0x80; }

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (ascii_lower(c)) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Length of a dash at s[i] ("-", "--", "–", "—", "―", "−"), 0 if none.
size_t dash_at(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
  if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94" || s.substr(i, 3) == "\xE2\x80\x95" ||
      s.substr(i, 3) == "\xE2\x88\x92")
    return 3;
  return 0;
}

// Place words: letters (any non-ASCII byte counts as a letter), with ' ’ . - inside.
struct Word {
  size_t begin, end;
  bool all_caps, title_case;
};

std::optional<Word> word_at(std::string_view s, size_t i) {
  size_t j = i;
  int upper = 0, lower = 0;
  while (j < s.size()) {
    const char c = s[j];
    if (ascii_upper(c)) ++upper;
    else if (ascii_lower(c)) ++lower;
    else if (high_byte(c)) {
      if (s.substr(j, 3) == "\xE2\x80\x99") {  // ’ inside a name (SANA’A)
        j += 3;
        continue;
      }
      if (dash_at(s, j)) break;
      ++j;
      continue;
    } else if (c == '-' && lower == 0 && upper >= 2 && j + 2 < s.size() && ascii_upper(s[j + 1]) &&
               ascii_lower(s[j + 2])) {
      break;  // "NEWSDESK-The": capitals, then a dash into a title-case word, end the word (AL-BALAH goes on)
    } else if ((c == '\'' || c == '.' || c == '-') && j > i && j + 1 < s.size() &&
               (ascii_upper(s[j + 1]) || ascii_lower(s[j + 1]))) {
      // inner punctuation: AL-BALAH, SANA'A, D.C.
    } else if (c == '.' && j > i && upper > 0) {
      ++j;  // trailing dot of an abbreviation (D.C.)
      break;
    } else {
      break;
    }
    ++j;
  }
  if (j == i || upper == 0) return std::nullopt;
  const bool first_upper = ascii_upper(s[i]) || high_byte(s[i]);
  return Word{i, j, lower == 0 && upper >= 2, first_upper && lower > 0 && ascii_upper(s[i])};
}

bool in_list(std::string_view up, const std::string_view* list, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (up == list[i]) return true;
  return false;
}

constexpr std::string_view kNotPlaces[] = {
    "BREAKING", "UPDATE", "UPDATED", "UPDATES", "EXCLUSIVE", "WATCH", "LIVE", "VIDEO", "PHOTOS", "PHOTO",
    "OPINION", "ANALYSIS", "EDITORIAL", "NEWS", "WORLD", "REPORT", "NOTE", "FACTBOX", "EXPLAINER", "COMMENTARY",
    "URGENT", "FLASH", "ALERT", "WARNING", "LISTEN", "READ", "AND", "THE", "BY", "LATEST", "MORE", "TODAY",
    "YESTERDAY", "SPORTS", "SPORT", "BUSINESS", "POLITICS", "MIDDLE EAST", "EUROPE", "AFRICA", "ASIA", "AMERICAS",
    "HIGHLIGHTS", "Q", "A", "I", "IN", "ON", "AT", "FOR", "BUT", "HE", "SHE", "IT", "THEY", "WE", "THIS", "THAT",
    "THERE", "WHEN", "AS", "AFTER", "BEFORE", "WHILE", "IF", "SO", "YES", "NO", "OK", "MONDAY", "TUESDAY",
    "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
    "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "EDITOR'S NOTE", "DISCLAIMER", "CORRECTION",
    "CLARIFICATION", "SUMMARY", "BACKGROUND", "CONTEXT", "TIMELINE", "QUOTE", "QUOTES", "TOPICS", "TAGS",
    "RELATED", "ADVERTISEMENT", "PUBLISHED", "POSTED", "SOURCE", "SOURCES", "CREDIT", "REPORTING", "WRITING",
    "EDITING", "ALSO", "WHAT", "WHY", "HOW", "WHO", "WHERE", "ISRAEL-HAMAS WAR", "RUSSIA-UKRAINE WAR"};

constexpr std::string_view kOutlets[] = {
    "REUTERS", "AP", "AFP", "XINHUA", "ANADOLU", "BLOOMBERG", "SPUTNIK", "IRNA", "TASS", "UPI", "DPA", "EFE",
    "ANSA", "IANS", "PTI", "ANI", "WAFA", "SANA", "KUNA", "WAM", "SPA", "MENA", "APA", "ISNA", "FARS", "TASNIM",
    "MEHR", "RIA NOVOSTI", "INTERFAX", "UKRINFORM", "CNN", "BBC", "AL JAZEERA", "AL ARABIYA", "NPR",
    "ASSOCIATED PRESS", "AGENCE FRANCE-PRESSE", "SHAFAQNA", "ABNA", "PRESS TV"};

// Particles written in lower case inside a multi-word place name.
constexpr std::string_view kParticles[] = {"AL", "EL", "AD", "AS", "AN", "DE", "DI", "DU", "DES", "DEL", "ES",
                                           "LA", "LE", "OF", "ON", "UPON", "AND", "DA", "DO", "DOS", "DAS", "VAN",
                                           "VON", "DER", "DEN", "AU", "AUX", "SUR", "EN", "IL", "UR", "BIN", "BEN"};

struct Alias {
  std::string_view from, to;
};
constexpr Alias kAliases[] = {{"TEHERAN", "Tehran"},   {"KIEV", "Kyiv"},        {"KIYV", "Kyiv"},
                              {"WASHINGTON D.C.", "Washington"}, {"WASHINGTON, D.C.", "Washington"},
                              {"N'DJAMENA", "N'Djamena"}, {"KHARKOV", "Kharkiv"}, {"ODESSA", "Odesa"},
                              {"UNITED NATIONS", "United Nations"}, {"SANAA", "Sanaa"},
                              {"AL-QUDS", "Jerusalem"}, {"GAZA STRIP", "Gaza Strip"}};

// Upper-cases the first letter of a lower-cased word part (ASCII; other scripts keep their case).
std::string capitalise(std::string_view part) {
  std::string low = text::lower(part);
  if (!low.empty() && ascii_lower(low[0])) low[0] = static_cast<char>(low[0] - 'a' + 'A');
  return low;
}

}  // namespace

std::string normalize_place(std::string_view place) {
  const std::string up = upper_ascii(place);
  for (const Alias& a : kAliases)
    if (up == a.from) return std::string(a.to);
  std::string out;
  size_t word_index = 0;
  for (size_t i = 0; i < place.size();) {
    if (place[i] == ' ') {
      out.push_back(' ');
      ++i;
      continue;
    }
    size_t j = i;
    while (j < place.size() && place[j] != ' ') ++j;
    // Hyphenated parts: DEIR AL-BALAH → "al-Balah", PORT-AU-PRINCE → "Port-au-Prince".
    std::string_view word = place.substr(i, j - i);
    size_t part_index = 0;
    for (size_t a = 0; a <= word.size();) {
      size_t b = word.find('-', a);
      if (b == std::string_view::npos) b = word.size();
      const std::string_view part = word.substr(a, b - a);
      const bool first = word_index == 0 && part_index == 0;
      const bool particle = in_list(upper_ascii(part), kParticles, std::size(kParticles));
      // Particles are lower case inside a name, standing alone (DAR ES SALAAM) or before a hyphen (DEIR AL-BALAH).
      out += (!first && particle && (b < word.size() || part_index == 0)) ? text::lower(part) : capitalise(part);
      if (b < word.size()) out.push_back('-');
      a = b + 1;
      ++part_index;
      if (b == word.size()) break;
    }
    ++word_index;
    i = j;
  }
  return out;
}

std::optional<Dateline> parse_dateline(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const size_t place_begin = i;
  // Place words of one style.
  std::vector<Word> words;
  bool caps = false;
  while (i < line.size() && words.size() < 5) {
    auto w = word_at(line, i);
    if (!w || (!w->all_caps && !w->title_case)) break;
    if (words.empty()) caps = w->all_caps;
    else if (w->all_caps != caps) {
      // "GAZA CITY" then a title-case word is the sentence, not the place.
      break;
    }
    words.push_back(*w);
    i = w->end;
    if (i < line.size() && line[i] == ' ' && i + 1 < line.size() &&
        (ascii_upper(line[i + 1]) || high_byte(line[i + 1])) && !dash_at(line, i + 1)) {
      ++i;
      continue;
    }
    break;
  }
  if (words.empty() || words.size() > (caps ? 4u : 3u)) return std::nullopt;
  // Back off a trailing space consumed after the last word.
  i = words.back().end;
  const std::string_view place = line.substr(place_begin, i - place_begin);
  const std::string up = upper_ascii(place);
  if (in_list(up, kNotPlaces, std::size(kNotPlaces))) return std::nullopt;

  Dateline dl;
  bool place_is_outlet = caps && in_list(up, kOutlets, std::size(kOutlets));
  // ", Region" or ", Nov 16" or ", February 27, 2022" up to a parenthesis or a dash.
  size_t p = i;
  if (p < line.size() && line[p] == ',') {
    size_t q = p + 1;
    size_t stop = q;
    while (stop < line.size() && stop - q < 60 && line[stop] != '(' && !(dash_at(line, stop) && stop > q &&
                                                                          line[stop - 1] == ' '))
      ++stop;
    const std::string_view region = line.substr(q, stop - q);
    // Every word of the region must start with a capital or a digit (a place or a date), or be a particle.
    bool ok = !region.empty();
    for (size_t a = 0; a < region.size() && ok;) {
      while (a < region.size() && (region[a] == ' ' || region[a] == ',' || region[a] == '.')) ++a;
      if (a >= region.size()) break;
      size_t b = a;
      while (b < region.size() && region[b] != ' ' && region[b] != ',') ++b;
      const std::string_view w = region.substr(a, b - a);
      if (!(ascii_upper(w[0]) || std::isdigit(static_cast<unsigned char>(w[0])) || high_byte(w[0]) || w == "of" ||
            w == "and"))
        ok = false;
      a = b;
    }
    if (!ok) return std::nullopt;
    if (auto dates = find_dates(region, 1); !dates.empty()) dl.date = dates[0].date;
    dl.month_day = find_month_day(region);
    p = stop;
  }
  while (p < line.size() && line[p] == ' ') ++p;
  // "(Reuters)" or "(Gulf Wire / Levant Observer - 31st October, 2022)"
  bool have_outlet = false;
  if (p < line.size() && line[p] == '(') {
    const size_t close = line.find(')', p);
    if (close == std::string_view::npos || close - p > 100) return std::nullopt;
    std::string_view inside = line.substr(p + 1, close - p - 1);
    if (auto dates = find_dates(inside, 1); !dates.empty()) {
      dl.date = dates[0].date;
      inside = inside.substr(0, dates[0].begin);
    }
    // Drop a trailing " - " left before the date.
    while (!inside.empty() && (inside.back() == ' ' || inside.back() == '-' || inside.back() == ',')) inside.remove_suffix(1);
    while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
    if (inside.empty() || !(ascii_upper(inside[0]) || high_byte(inside[0]))) return std::nullopt;
    dl.outlet = std::string(inside);
    have_outlet = true;
    p = close + 1;
    while (p < line.size() && line[p] == ' ') ++p;
  }
  const size_t dash = dash_at(line, p);
  const bool spaced_before = p > 0 && line[p - 1] == ' ';
  size_t after = p + dash;
  const bool spaced_after = after < line.size() && line[after] == ' ';
  while (after < line.size() && line[after] == ' ') ++after;
  const bool colon = caps && !dash && p < line.size() && line[p] == ':';
  if (colon) {
    after = p + 1;
    while (after < line.size() && line[after] == ' ') ++after;
  }
  const std::string_view rest = after <= line.size() ? line.substr(after) : std::string_view();
  size_t rest_words = 0;
  for (size_t k = 0; k < rest.size(); ++k)
    if (rest[k] == ' ' && k + 1 < rest.size() && rest[k + 1] != ' ') ++rest_words;
  if (!rest.empty()) ++rest_words;
  const bool next_capital = !rest.empty() && (ascii_upper(rest[0]) || high_byte(rest[0]) || rest[0] == '"' ||
                                              std::isdigit(static_cast<unsigned char>(rest[0])));

  bool accepted = false;
  // "NEWSDESK-The UK, France …": a wire name in capitals glued by a dash to the sentence's opening article or
  // preposition (an unspaced dash between capitals otherwise joins words: "US-CHINA", "ISIS-Linked").
  auto opens_sentence = [&] {
    for (std::string_view w : {"The ", "A ", "An ", "In ", "On ", "At ", "After ", "Following "})
      if (rest.starts_with(w)) return true;
    return false;
  };
  if (caps) {
    if ((dash && (spaced_before || spaced_after || have_outlet || opens_sentence())) || colon)
      accepted = !rest.empty() && rest_words >= 4;
    else if (have_outlet && next_capital) accepted = rest_words >= 4;
  } else {
    // Title case: a spaced dash, a capital after it, and a paragraph (not a headline) after it.
    if (dash && spaced_before && spaced_after && next_capital && rest_words >= 10) accepted = true;
    else if (have_outlet && dash && next_capital && rest_words >= 6) accepted = true;
    // Header line "Brussels, March 3, 2022".
    else if (dl.date && rest.empty() && !dash) {
      accepted = true;
      after = line.size();
    }
  }
  if (!accepted) return std::nullopt;
  if (place_is_outlet) {
    if (dl.outlet.empty()) dl.outlet = std::string(place);
  } else {
    dl.place = normalize_place(place);
  }
  // Outlet spelled in capitals ("BLOOMBERG") reads better in title case; short acronyms (AP, AFP) stay.
  if (dl.outlet.size() > 4 && upper_ascii(dl.outlet) == dl.outlet && dl.outlet.find(' ') == std::string::npos)
    dl.outlet = normalize_place(dl.outlet);
  dl.length = after;
  return dl;
}

}  // namespace casus::clean
