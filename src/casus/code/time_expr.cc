#include "casus/code/time_expr.h"

#include <array>
#include <charconv>
#include <algorithm>
#include <string_view>

#include "casus/text/utf8.h"

namespace casus::code {

std::string TimeExpression::iso() const { return when.iso(); }

namespace {

using doc::TokenIdx;


bool parse_int(std::string_view s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Number words that occur in durations and "N days ago".
int small_number(std::string_view w) {
  static constexpr std::array<std::string_view, 21> kWords = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (size_t i = 0; i < kWords.size(); ++i)
    if (w == kWords[i]) return static_cast<int>(i);
  if (w == "a" || w == "an") return 1;
  if (w == "thirty") return 30;
  if (w == "forty") return 40;
  if (w == "fifty") return 50;
  if (w == "several" || w == "few") return 3;
  int n = 0;
  if (parse_int(w, n) && n > 0 && n < 1000) return n;
  return -1;
}

Date add_days(const Date& d, int64_t days) { return Date::from_days(d.first_day() + days); }
Date month_start(int y, int m) { return Date::ymd(y, m, 1); }
Date month_end(int y, int m) { return Date::ymd(y, m, days_in_month(y, m)); }
DateInterval day_range(Date a, Date b) { return {a, b}; }
DateInterval single(Date d) { return {d, d}; }
Date shift_month(int y, int m, int delta) {
  int idx = y * 12 + (m - 1) + delta;
  return Date::ym(idx / 12, idx % 12 + 1);
}

class Scanner {
 public:
  Scanner(const doc::Document& d, size_t sentence, const std::optional<Date>& published, TimeOptions opt)
      : d_(d), first_(d.sentences.first[sentence]), last_(d.sentences.last[sentence]), pub_(published), opt_(opt) {
    lc_.reserve(last_ - first_);
    for (TokenIdx t = first_; t < last_; ++t) {
      std::string w = text::lower(d.token_text(t));
      if (w.size() > 1 && w.back() == '.') w.pop_back();  // "Nov." / "Jan." abbreviations
      lc_.push_back(std::move(w));
    }
  }

  std::vector<TimeExpression> run() {
    std::vector<TimeExpression> out;
    size_t i = 0;
    while (i < lc_.size()) {
      size_t end = i;
      TimeExpression e;
      if (match_at(i, end, e)) {
        e.first = first_ + static_cast<TokenIdx>(i);
        e.last = first_ + static_cast<TokenIdx>(end);
        e.text = std::string(std::string_view(d_.text).substr(d_.tokens.begin[e.first],
                                                             d_.tokens.end[e.last - 1] - d_.tokens.begin[e.first]));
        out.push_back(std::move(e));
        i = end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  const std::string& w(size_t i) const {
    static const std::string kEmpty;
    return i < lc_.size() ? lc_[i] : kEmpty;
  }
  std::string_view raw(size_t i) const { return i < lc_.size() ? d_.token_text(first_ + static_cast<TokenIdx>(i)) : ""; }

  int month_at(size_t i) const {
    const std::string& s = w(i);
    if (s.size() < 3) return 0;
    for (size_t m = 0; m < kMonthNames.size(); ++m) {
      std::string_view full = kMonthNames[m];
      bool abbrev = s.size() >= 3 && s.size() <= 4 && full.starts_with(s) && s != "mar" && s != "ma";
      if (s == full || (abbrev && s != "may")) {
        // "may" and "march" are also a modal and a verb: require a capital letter.
        if ((m == 2 || m == 4) && !text::is_upper(static_cast<unsigned char>(raw(i)[0]))) return 0;
        return static_cast<int>(m) + 1;
      }
    }
    if (s == "sept") return 9;
    return 0;
  }
  int weekday_at(size_t i) const {
    for (size_t k = 0; k < kWeekdayNames.size(); ++k)
      if (w(i) == kWeekdayNames[k]) return static_cast<int>(k);
    return -1;
  }
  int day_at(size_t i) const {
    std::string_view s = w(i);
    for (std::string_view suf : {"st", "nd", "rd", "th"})
      if (s.size() > 2 && s.ends_with(suf)) s.remove_suffix(2);
    int n = 0;
    return parse_int(s, n) && n >= 1 && n <= 31 && w(i).size() <= 4 ? n : 0;
  }
  int year_at(size_t i) const {
    int n = 0;
    return w(i).size() == 4 && parse_int(w(i), n) && n >= 1900 && n <= 2099 ? n : 0;
  }
  bool is(size_t i, std::initializer_list<std::string_view> words) const {
    for (auto x : words)
      if (w(i) == x) return true;
    return false;
  }

  // Year for a month(/day) given without one: the most recent such date not after publication (or the next one
  // for future reference).
  int infer_year(int month, int day) const {
    if (!pub_) return 0;
    int y = pub_->year;
    Date cand = Date::ymd(y, month, day ? std::min(day, days_in_month(y, month)) : 1);
    if (!opt_.future && cand.first_day() > pub_->last_day() + 1) return y - 1;
    if (opt_.future && (day ? cand.last_day() : month_end(y, month).last_day()) < pub_->first_day()) return y + 1;
    return y;
  }

  bool match_at(size_t i, size_t& end, TimeExpression& e) {
    return numeric_date(i, end, e) || since(i, end, e) || duration(i, end, e) || ago(i, end, e) ||
           part_of_month(i, end, e) || month_date(i, end, e) || relative_unit(i, end, e) || weekday(i, end, e) ||
           deictic(i, end, e) || season(i, end, e) || decade(i, end, e) || bare_year(i, end, e);
  }

  // 11/16/2023, 16/11/2023, 2023-11-16
  bool numeric_date(size_t i, size_t& end, TimeExpression& e) {
    std::string_view s = w(i);
    int a = 0, b = 0, c = 0;
    auto s1 = s.find('/'), s2 = s.rfind('/');
    if (s1 != std::string_view::npos && s2 != s1 && parse_int(s.substr(0, s1), a) &&
        parse_int(s.substr(s1 + 1, s2 - s1 - 1), b) && parse_int(s.substr(s2 + 1), c) && c >= 1900 && c <= 2099) {
      int month = a, day = b;
      if (a > 12) std::swap(month, day);
      Date d = Date::ymd(c, month, day);
      if (!d.valid()) return false;
      e.when = single(d);
      end = i + 1;
      return true;
    }
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
      auto d = Date::parse(s);
      if (!d) return false;
      e.when = single(*d);
      end = i + 1;
      return true;
    }
    return false;
  }

  // Parses an absolute date starting at i (Month Day[,] [Year] | Day Month [Year] | Month Year | Year).
  bool absolute(size_t i, size_t& end, DateInterval& when) {
    int m = month_at(i);
    if (m) {
      int day = day_at(i + 1);
      if (day) {
        size_t j = i + 2;
        if (w(j) == ",") ++j;
        int y = year_at(j);
        if (!y) {
          j = i + 2;
          y = infer_year(m, day);
          if (!y) return false;
        } else {
          ++j;
        }
        Date d = Date::ymd(y, m, std::min(day, days_in_month(y, m)));
        when = single(d);
        end = j;
        return true;
      }
      size_t j = i + 1;
      if (w(j) == ",") ++j;
      if (int y = year_at(j)) {
        when = single(Date::ym(y, m));
        end = j + 1;
        return true;
      }
      int y = infer_year(m, 0);
      if (!y) return false;
      when = single(Date::ym(y, m));
      end = i + 1;
      return true;
    }
    if (int day = day_at(i)) {
      if (int mm = month_at(i + 1)) {
        size_t j = i + 2;
        if (w(j) == ",") ++j;
        int y = year_at(j);
        if (y) ++j; else { j = i + 2; y = infer_year(mm, day); }
        if (!y) return false;
        when = single(Date::ymd(y, mm, std::min(day, days_in_month(y, mm))));
        end = j;
        return true;
      }
    }
    if (int y = year_at(i)) {
      when = single(Date::y(y));
      end = i + 1;
      return true;
    }
    return false;
  }

  bool month_date(size_t i, size_t& end, TimeExpression& e) {
    if (!month_at(i) && !(day_at(i) && month_at(i + 1))) return false;
    size_t j;
    DateInterval when;
    if (!absolute(i, j, when)) return false;
    // "on" before the date is part of the expression for display only when it is a preposition of time.
    e.when = when;
    e.relative = !year_at(j - 1);
    end = j;
    return true;
  }

  // early/mid/late November [2023]; the end/beginning/start of November; mid-November
  bool part_of_month(size_t i, size_t& end, TimeExpression& e) {
    int part = -1;  // 0 early, 1 mid, 2 late
    size_t j = i;
    if (is(i, {"early"})) part = 0, j = i + 1;
    else if (is(i, {"mid", "middle"})) part = 1, j = i + 1;
    else if (is(i, {"late"})) part = 2, j = i + 1;
    else if (w(i).starts_with("mid-")) {
      // a single token "mid-november"
      std::string_view rest = std::string_view(w(i)).substr(4);
      for (size_t m = 0; m < kMonthNames.size(); ++m)
        if (rest == kMonthNames[m]) {
          int mon = static_cast<int>(m) + 1;
          size_t k = i + 1;
          int y = year_at(k);
          if (y) ++k; else y = infer_year(mon, 15);
          if (!y) return false;
          e.when = day_range(Date::ymd(y, mon, 11), Date::ymd(y, mon, 20));
          e.kind = TimeKind::kRange;
          end = k;
          return true;
        }
      return false;
    } else if (is(i, {"the"}) && is(i + 1, {"end", "beginning", "start", "middle"}) && is(i + 2, {"of"})) {
      part = w(i + 1) == "end" ? 2 : w(i + 1) == "middle" ? 1 : 0;
      j = i + 3;
    }
    if (part < 0) return false;
    if (w(j) == "-") ++j;
    if (is(j, {"this", "last", "next"}) && is(j + 1, {"month", "year", "week"})) {
      // "early this month", "late last year"
      TimeExpression inner;
      size_t k;
      if (!relative_unit(j, k, inner)) return false;
      auto [b, en] = inner.when;
      int64_t span = en.last_day() - b.first_day() + 1;
      int64_t lo = b.first_day() + span * part / 3, hi = b.first_day() + span * (part + 1) / 3 - 1;
      e.when = day_range(Date::from_days(lo), Date::from_days(std::max(lo, hi)));
      e.kind = TimeKind::kRange;
      e.relative = true;
      end = k;
      return true;
    }
    int mon = month_at(j);
    if (mon) {
      size_t k = j + 1;
      if (w(k) == ",") ++k;
      int y = year_at(k);
      if (y) ++k; else { k = j + 1; y = infer_year(mon, part == 0 ? 1 : part == 1 ? 15 : 25); e.relative = true; }
      if (!y) return false;
      static constexpr int kFrom[] = {1, 11, 21};
      int to = part == 0 ? 10 : part == 1 ? 20 : days_in_month(y, mon);
      e.when = day_range(Date::ymd(y, mon, kFrom[part]), Date::ymd(y, mon, to));
      e.kind = TimeKind::kRange;
      end = k;
      return true;
    }
    if (int y = year_at(j)) {
      static constexpr int kFromM[] = {1, 5, 9}, kToM[] = {4, 8, 12};
      e.when = day_range(month_start(y, kFromM[part]), month_end(y, kToM[part]));
      e.kind = TimeKind::kRange;
      end = j + 1;
      return true;
    }
    return false;
  }

  // since 2015 / since October 7 / since last year
  bool since(size_t i, size_t& end, TimeExpression& e) {
    if (!is(i, {"since"}) || !pub_) return false;
    size_t j;
    DateInterval when;
    TimeExpression inner;
    if (absolute(i + 1, j, when)) {
    } else if (relative_unit(i + 1, j, inner) || weekday(i + 1, j, inner)) {
      when = inner.when;
    } else {
      return false;
    }
    if (when.begin.first_day() > pub_->last_day()) return false;
    e.when = day_range(Date::from_days(when.begin.first_day()), *pub_);
    e.kind = TimeKind::kSince;
    e.relative = true;
    end = j;
    return true;
  }

  // for (nearly|almost|about|more than|over) N years/decades/months/weeks/days
  bool duration(size_t i, size_t& end, TimeExpression& e) {
    if (!pub_) return false;
    size_t j = i;
    bool lead = false;
    if (is(j, {"for", "in", "over", "during"}) && !is(j + 1, {"the"})) ++j, lead = true;
    if (is(j, {"the"}) && is(j + 1, {"past", "last"})) j += 2, lead = true;
    if (is(j, {"nearly", "almost", "about", "around", "roughly", "some", "over"})) ++j, lead = true;
    else if (is(j, {"more", "less"}) && is(j + 1, {"than"})) j += 2, lead = true;
    if (!lead) return false;
    int n = small_number(w(j));
    if (n <= 0) return false;
    const std::string& unit = w(j + 1);
    int64_t days;
    if (unit == "years" || unit == "year") days = 365LL * n;
    else if (unit == "decades" || unit == "decade") days = 3652LL * n;
    else if (unit == "months" || unit == "month") days = 30LL * n;
    else if (unit == "weeks" || unit == "week") days = 7LL * n;
    else if (unit == "days" || unit == "day") days = n;
    else return false;
    if (is(j + 2, {"ago", "later", "earlier"})) return false;
    e.when = day_range(add_days(*pub_, -days), *pub_);
    e.kind = TimeKind::kDuration;
    e.relative = true;
    end = j + 2;
    return true;
  }

  // N days/weeks/months/years ago
  bool ago(size_t i, size_t& end, TimeExpression& e) {
    if (!pub_) return false;
    int n = small_number(w(i));
    if (n <= 0) return false;
    const std::string& unit = w(i + 1);
    if (!is(i + 2, {"ago"})) return false;
    if (unit == "days" || unit == "day") e.when = single(add_days(*pub_, -n));
    else if (unit == "weeks" || unit == "week") e.when = day_range(add_days(*pub_, -7 * n - 3), add_days(*pub_, -7 * n + 3));
    else if (unit == "months" || unit == "month") e.when = single(shift_month(pub_->year, pub_->month, -n));
    else if (unit == "years" || unit == "year") e.when = single(Date::y(pub_->year - n));
    else return false;
    e.relative = true;
    end = i + 3;
    return true;
  }

  // last/this/next/past/coming week|month|year|weekend; earlier/later this ...; in recent days/weeks/months
  bool relative_unit(size_t i, size_t& end, TimeExpression& e) {
    if (!pub_) return false;
    const Date& p = *pub_;
    size_t j = i;
    int shift = 0;
    bool earlier = false, later = false;
    if (is(j, {"earlier", "later"}) && is(j + 1, {"this"})) {
      earlier = w(j) == "earlier";
      later = !earlier;
      j += 2;
    } else if (is(j, {"last", "past", "previous"})) {
      shift = -1;
      ++j;
    } else if (is(j, {"next", "coming"})) {
      shift = 1;
      ++j;
    } else if (is(j, {"this"})) {
      ++j;
    } else if (is(j, {"in", "over"}) && is(j + 1, {"recent"}) && is(j + 2, {"days", "weeks", "months"})) {
      int64_t back = w(j + 2) == "days" ? 7 : w(j + 2) == "weeks" ? 28 : 120;
      e.when = day_range(add_days(p, -back), p);
      e.kind = TimeKind::kRange;
      e.relative = true;
      end = j + 3;
      return true;
    } else if (is(j, {"recent"}) && is(j + 1, {"days", "weeks", "months"})) {
      int64_t back = w(j + 1) == "days" ? 7 : w(j + 1) == "weeks" ? 28 : 120;
      e.when = day_range(add_days(p, -back), p);
      e.kind = TimeKind::kRange;
      e.relative = true;
      end = j + 2;
      return true;
    } else {
      return false;
    }
    const std::string& unit = w(j);
    if (unit == "week") {
      int64_t monday = p.first_day() - p.weekday() + 7 * shift;
      Date b = Date::from_days(monday), en = Date::from_days(monday + 6);
      if (earlier) en = p;
      if (later) b = p;
      e.when = day_range(b, en);
      e.kind = TimeKind::kRange;
    } else if (unit == "weekend") {
      int64_t saturday = p.first_day() - p.weekday() + 5 + 7 * (shift == -1 && p.weekday() >= 5 ? 0 : shift);
      if (shift == 0 && p.weekday() < 5) saturday -= 7;  // "this weekend" in a weekday article: the one just past
      if (shift == -1 && p.weekday() < 5) saturday = p.first_day() - p.weekday() - 2;
      e.when = day_range(Date::from_days(saturday), Date::from_days(saturday + 1));
      e.kind = TimeKind::kRange;
    } else if (unit == "month") {
      Date m = shift_month(p.year, p.month, shift);
      if (earlier) e.when = day_range(month_start(p.year, p.month), p), e.kind = TimeKind::kRange;
      else if (later) e.when = day_range(p, month_end(p.year, p.month)), e.kind = TimeKind::kRange;
      else e.when = single(m);
    } else if (unit == "year") {
      if (earlier) e.when = day_range(Date::ymd(p.year, 1, 1), p), e.kind = TimeKind::kRange;
      else if (later) e.when = day_range(p, Date::ymd(p.year, 12, 31)), e.kind = TimeKind::kRange;
      else e.when = single(Date::y(p.year + shift));
    } else if (unit == "night" && shift == -1) {
      e.when = single(add_days(p, -1));
    } else {
      return false;
    }
    e.relative = true;
    end = j + 1;
    return true;
  }

  // [on|late|early|last|next] Monday [morning|night|...]
  bool weekday(size_t i, size_t& end, TimeExpression& e) {
    if (!pub_) return false;
    size_t j = i;
    int dir = opt_.future ? 1 : -1;
    if (is(j, {"last", "early", "late"})) {
      if (w(j) == "last") dir = -1;
      ++j;
    } else if (is(j, {"next", "this", "coming"})) {
      if (w(j) == "next" || w(j) == "coming") dir = 1;
      ++j;
    }
    int wd = weekday_at(j);
    if (wd < 0) return false;
    // "early Thursday" may start after midnight: still that day.
    int pw = pub_->weekday();
    int64_t delta;
    if (dir < 0) delta = -((pw - wd + 7) % 7);
    else delta = (wd - pw + 7) % 7;
    e.when = single(add_days(*pub_, delta));
    e.relative = true;
    end = j + 1;
    if (is(end, {"morning", "afternoon", "evening", "night"})) ++end;
    return true;
  }

  // today, yesterday, tomorrow, tonight, overnight, earlier today, this morning, earlier in the day
  bool deictic(size_t i, size_t& end, TimeExpression& e) {
    if (!pub_) return false;
    const Date& p = *pub_;
    if (is(i, {"today", "tonight"})) e.when = single(p), end = i + 1;
    else if (is(i, {"yesterday"})) e.when = single(add_days(p, -1)), end = i + 1;
    else if (is(i, {"tomorrow"})) e.when = single(add_days(p, 1)), end = i + 1;
    else if (is(i, {"overnight"})) e.when = day_range(add_days(p, -1), p), end = i + 1;
    else if (is(i, {"this"}) && is(i + 1, {"morning", "afternoon", "evening"})) e.when = single(p), end = i + 2;
    else if (is(i, {"earlier", "later"}) && is(i + 1, {"in"}) && is(i + 2, {"the"}) && is(i + 3, {"day"}))
      e.when = single(p), end = i + 4;
    else if (is(i, {"earlier"}) && is(i + 1, {"today"})) e.when = single(p), end = i + 2;
    else return false;
    e.relative = true;
    return true;
  }

  // (this|last|over the) summer|spring|autumn|fall|winter [of Year]
  bool season(size_t i, size_t& end, TimeExpression& e) {
    size_t j = i;
    int shift = 0;
    bool lead = false;
    if (is(j, {"this"})) ++j, lead = true;
    else if (is(j, {"last"})) ++j, shift = -1, lead = true;
    else if (is(j, {"over", "during", "in"}) && is(j + 1, {"the"})) j += 2, lead = true;
    if (!lead) return false;
    static constexpr std::array<std::string_view, 5> kSeasons = {"spring", "summer", "autumn", "fall", "winter"};
    int s = -1;
    for (size_t k = 0; k < kSeasons.size(); ++k)
      if (w(j) == kSeasons[k]) s = static_cast<int>(k);
    if (s < 0) return false;
    int y = 0;
    size_t k = j + 1;
    if (is(k, {"of"}) && year_at(k + 1)) y = year_at(k + 1), k += 2;
    else if (pub_) y = pub_->year + shift;
    else return false;
    static constexpr int kFrom[] = {3, 6, 9, 9, 12}, kTo[] = {5, 8, 11, 11, 2};
    if (s == 4) e.when = day_range(month_start(y - (pub_ && pub_->month <= 2 && shift == 0 ? 1 : 0), 12),
                                   month_end(y + 1 - (pub_ && pub_->month <= 2 && shift == 0 ? 1 : 0), 2));
    else e.when = day_range(month_start(y, kFrom[s]), month_end(y, kTo[s]));
    if (pub_ && !opt_.future && s != 4 && shift == 0 && e.when.begin.first_day() > pub_->last_day())
      e.when = day_range(month_start(y - 1, kFrom[s]), month_end(y - 1, kTo[s]));
    e.kind = TimeKind::kRange;
    e.relative = true;
    end = k;
    return true;
  }

  // the 1990s
  bool decade(size_t i, size_t& end, TimeExpression& e) {
    std::string_view s = w(i);
    int y = 0;
    if (s.size() != 5 || s.back() != 's' || !parse_int(s.substr(0, 4), y) || y % 10 || y < 1900 || y > 2090)
      return false;
    e.when = day_range(Date::ymd(y, 1, 1), Date::ymd(y + 9, 12, 31));
    e.kind = TimeKind::kRange;
    end = i + 1;
    return true;
  }

  // A bare year needs a temporal preposition before it (numbers like "2000 troops" are not years).
  bool bare_year(size_t i, size_t& end, TimeExpression& e) {
    int y = year_at(i);
    if (!y) return false;
    bool prep = i > 0 && is(i - 1, {"in", "of", "by", "during", "until", "till", "from", "after", "before", "to",
                                    "and", "through", "early", "late", "mid", "since", "year", ","});
    bool followed_by_noun_like = i + 1 < lc_.size() && !lc_[i + 1].empty() &&
                                 text::is_letter(static_cast<unsigned char>(lc_[i + 1][0])) &&
                                 !is(i + 1, {"and", "or", "when", "after", "before", "as", "that", "but", "the", "to", "in", "with", "against"});
    // "a force of 2000 troops": a number before a noun is a count, unless a strong temporal word precedes it.
    bool strong = i > 0 && is(i - 1, {"in", "since", "during", "until", "till", "by", "early", "late", "mid"});
    if (followed_by_noun_like && !strong) return false;
    if (!prep && i > 0 && !lc_[i - 1].empty() && text::is_digit(static_cast<unsigned char>(lc_[i - 1][0])))
      return false;
    e.when = single(Date::y(y));
    end = i + 1;
    return true;
  }

  const doc::Document& d_;
  TokenIdx first_, last_;
  std::optional<Date> pub_;
  TimeOptions opt_;
  std::vector<std::string> lc_;
};

}  // namespace

std::vector<TimeExpression> find_time_expressions(const doc::Document& doc, size_t sentence,
                                                  const std::optional<Date>& published, TimeOptions options) {
  if (sentence >= doc.sentences.size()) return {};
  return Scanner(doc, sentence, published, options).run();
}

}  // namespace casus::code
