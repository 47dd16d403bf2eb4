#include "casus/code/casualties.h"

#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "casus/text/utf8.h"
#include "casus/util/words.h"

namespace casus::code {

std::optional<int64_t> parse_count(std::string_view w, std::string_view next) {
  static constexpr std::array<std::string_view, 21> kWords = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (size_t i = 1; i < kWords.size(); ++i)
    if (w == kWords[i]) return static_cast<int64_t>(i);
  static constexpr std::array<std::pair<std::string_view, int>, 8> kTens = {
      {{"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80},
       {"ninety", 90}, {"hundred", 100}}};
  for (auto [word, n] : kTens)
    if (w == word) return n;
  if (w == "dozen") return 12;
  std::string digits;
  bool dot = false;
  for (char c : w) {
    if (c == ',') continue;
    if (c == '.') { dot = true; digits += c; continue; }
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  double value = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  if (next == "million") value *= 1e6;
  else if (next == "thousand") value *= 1e3;
  else if (dot) return std::nullopt;  // "2.5" alone is not a head count
  return static_cast<int64_t>(value + 0.5);
}

namespace {


bool is_kill_word(std::string_view w) {
  return one_of(w, {"killed", "killing", "kill", "kills", "dead", "died", "deaths", "dying", "slain", "massacred",
                    "lost"});
}
bool is_injure_word(std::string_view w) {
  return one_of(w, {"wounded", "wounding", "injured", "injuring", "injuries", "hurt", "wounds", "injures", "wounds"});
}
// Words allowed between a number and the verb/participle: "13 US service members were killed".
bool is_filler(std::string_view w) {
  return one_of(w, {"people", "persons", "civilians", "soldiers", "troops", "members", "service", "us", "u.s.",
                    "american", "americans", "israelis", "palestinians", "children", "women", "men", "others",
                    "were", "was", "have", "had", "been", "are", "being", "reportedly", "also", "of",
                    "them", "whom", "including", "fighters", "militants", "police", "officers", "policemen",
                    "others", "more", "afghans", "ukrainians", "russians", "sudanese", "lebanese", "syrians",
                    "iraqis", "yemenis", "staff", "workers", "students", "passengers", "sailors", "marines",
                    "personnel", "guards", "migrants", "refugees", "protesters", "demonstrators", "pupils"});
}
bool is_approx(std::string_view w) {
  return one_of(w, {"least", "about", "around", "nearly", "almost", "some", "roughly", "approximately", "over",
                    "than", "more", "up", "to", "estimated", "an", "as", "many"});
}

}  // namespace

Casualties find_casualties(const doc::Document& d, size_t sentence) {
  Casualties out;
  if (sentence >= d.sentences.size()) return out;
  const doc::TokenIdx first = d.sentences.first[sentence], last = d.sentences.last[sentence];
  std::vector<std::string> w;
  for (doc::TokenIdx t = first; t < last; ++t) w.push_back(text::lower(d.token_text(t)));
  const size_t n = w.size();
  auto word = [&](size_t i) -> std::string_view { return i < n ? std::string_view(w[i]) : std::string_view(); };

  auto record = [&](bool killed, int64_t value, size_t pos) {
    auto& slot = killed ? out.killed : out.injured;
    if (!slot) {
      slot = value;
      (killed ? out.killed_token : out.injured_token) = first + static_cast<doc::TokenIdx>(pos);
    }
  };

  for (size_t i = 0; i < n; ++i) {
    auto count = parse_count(word(i), word(i + 1));
    if (!count || *count <= 0) continue;
    // Years and times are not head counts.
    if (word(i).size() == 4 && *count >= 1900 && *count <= 2099) continue;
    // Pattern A: KILL-verb ... N  ("killed 1,200 Israelis", "killing at least 13", "left 5 dead")
    for (size_t back = 1; back <= 4 && back <= i; ++back) {
      std::string_view v = word(i - back);
      if (is_kill_word(v) && v != "dead" && v != "deaths" && v != "died") {
        record(true, *count, i);
        break;
      }
      if (is_injure_word(v) && v != "injuries") {
        record(false, *count, i);
        break;
      }
      if (!is_approx(v) && v != "at") break;
    }
    // Pattern B: N ... KILL-participle ("13 people were killed", "5 dead", "45 killed and 30 wounded")
    size_t j = i + 1;
    if (word(j) == "million" || word(j) == "thousand") ++j;
    for (size_t k = j; k < n && k <= j + 5; ++k) {
      std::string_view v = word(k);
      if (is_kill_word(v) && v != "kill" && v != "kills" && v != "killing") {
        record(true, *count, i);
        break;
      }
      if (is_injure_word(v) && v != "injuring" && v != "wounding") {
        record(false, *count, i);
        break;
      }
      if (!is_filler(v)) break;
    }
    // Pattern C: death toll (rose|climbed|reached|stands) (to|at) N ; "N deaths"
    if (i >= 2 && (word(i - 1) == "to" || word(i - 1) == "at")) {
      for (size_t back = 2; back <= 5 && back <= i; ++back)
        if (word(i - back) == "toll") {
          record(true, *count, i);
          break;
        }
    }
  }
  return out;
}

}  // namespace casus::code
