#include "casus/clean/clean.h"

#include <algorithm>
#include <vector>

#include "casus/clean/date_text.h"

namespace casus::clean {

namespace {

constexpr size_t kHeaderLines = 12;  // "near the top": where mastheads put dates and bylines
constexpr size_t kFooterLines = 3;
constexpr size_t kDatelineLines = 8;

// Folds spaces, tabs and Unicode spaces to one ASCII space, removes zero-width spaces, trims.
std::string normalize_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t len = 0;  // > 0 when s[i..] is a space of that many bytes
    if (b == ' ' || b == '\t') len = 1;
    else if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) len = 2;
    else if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto c = static_cast<unsigned char>(s[i + 2]);
      if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) len = 3;
      else if (c == 0x8B) {  // zero-width space
        i += 3;
        continue;
      }
    } else if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81 &&
               static_cast<unsigned char>(s[i + 2]) == 0x9F) {
      len = 3;
    } else if (b == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x80) {
      len = 3;
    }
    if (len) {
      space = true;
      i += len;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

struct Line {
  std::string text;
  bool paragraph_start = false;  // a blank line (or the start) precedes it
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  bool para = true;
  for (size_t i = 0; i <= text.size();) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string t = normalize_spaces(text.substr(i, j - i));
    if (t.empty()) {
      para = true;
    } else {
      lines.push_back({std::move(t), para});
      para = false;
    }
    i = j + 1;
  }
  return lines;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "date 2023-11-16 rest" → Date, and the line loses the marker.
std::optional<Date> take_date_marker(std::string& line) {
  if (line.size() < 12 || lower_ascii(line.substr(0, 5)) != "date ") return std::nullopt;
  for (size_t len : {size_t(10), size_t(7)}) {
    if (line.size() < 5 + len) continue;
    if (line.size() > 5 + len && line[5 + len] != ' ') continue;
    if (auto d = Date::parse(std::string_view(line).substr(5, len))) {
      line.erase(0, std::min(line.size(), 5 + len + 1));
      return d;
    }
  }
  return std::nullopt;
}

size_t count_words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

bool starts_with_any(std::string_view low, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (low.substr(0, p.size()) == p) return true;
  return false;
}

struct Candidate {
  Date date;
  int score;
  std::string source;
  std::string evidence;
};

// A date right after "Weekday (" — the reporting-date style of several wire rewrites: "Thursday ( 11/16/2023)".
std::optional<Date> weekday_paren_date(std::string_view line) {
  if (line.find('(') == std::string_view::npos) return std::nullopt;
  for (const DateMatch& m : find_dates(line, 4)) {
    size_t k = m.begin;
    while (k > 0 && line[k - 1] == ' ') --k;
    if (k == 0 || line[k - 1] != '(') continue;
    --k;
    while (k > 0 && line[k - 1] == ' ') --k;
    size_t b = k;
    while (b > 0 && ((line[b - 1] >= 'a' && line[b - 1] <= 'z') || (line[b - 1] >= 'A' && line[b - 1] <= 'Z'))) --b;
    if (b < k && weekday_number(line.substr(b, k - b)) >= 0) return m.date;
  }
  return std::nullopt;
}

// The four-digit year (1990..2099) in a copyright line, or 0.
int copyright_year(std::string_view line) {
  for (size_t i = 0; i + 4 <= line.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits &= line[i + k] >= '0' && line[i + k] <= '9';
    const bool bounded = (i == 0 || line[i - 1] < '0' || line[i - 1] > '9') &&
                         (i + 4 == line.size() || line[i + 4] < '0' || line[i + 4] > '9');
    if (!digits || !bounded) continue;
    const int y = (line[i] - '0') * 1000 + (line[i + 1] - '0') * 100 + (line[i + 2] - '0') * 10 + (line[i + 3] - '0');
    if (y >= 1990 && y <= 2099) return y;
  }
  return 0;
}

std::optional<PublishedGuess> guess_published(const std::vector<Line>& lines, std::optional<Date> marker,
                                              std::string_view url) {
  std::vector<Candidate> cands;
  if (marker) cands.push_back({*marker, 100, "text", "date " + marker->iso()});
  const size_t n = lines.size();
  for (size_t i = 0; i < n && i < 40; ++i) {
    const std::string& line = lines[i].text;
    const bool top = i < kHeaderLines;
    if (top || i + kFooterLines >= n) {
      const std::string low = lower_ascii(line.substr(0, 32));
      const bool labelled = starts_with_any(low, {"published", "posted", "first published", "updated", "last updated",
                                                  "modified", "date:"});
      if ((labelled && count_words(line) <= 25) || classify_line(line) == LineKind::kDateOnly) {
        const auto dates = find_dates(line, 1);
        if (!dates.empty()) {
          int score = 85;
          if (starts_with_any(low, {"published", "posted", "first published", "date:"})) score = 92;
          else if (starts_with_any(low, {"updated", "last updated", "modified"})) score = 80;
          cands.push_back({dates[0].date, score, "text", line});
        }
      }
    }
    if (top) {
      if (auto dl = parse_dateline(line); dl && dl->date) cands.push_back({*dl->date, 75, "text", line});
      // A paragraph opened by its date, dateline style: "August 10, 2018 - Dozens of children ...".
      if (const auto dates = find_dates(line.substr(0, 64), 1); !dates.empty() && dates[0].begin == 0) {
        size_t k = dates[0].end;
        while (k < line.size() && line[k] == ' ') ++k;
        if (k < line.size() && (line[k] == '-' || line.compare(k, 3, "\xE2\x80\x93") == 0 ||
                                line.compare(k, 3, "\xE2\x80\x94") == 0))
          cands.push_back({dates[0].date, 75, "text", line});
      }
    }
    if (auto d = weekday_paren_date(line)) cands.push_back({*d, 70, "text", line});
  }
  // Last resort for wire copy: a dateline with month and day but no year ("DOHA, Nov 22 (Gulf Wire) -") takes its
  // year from a copyright line at the top or bottom ("Copyright Gulf Wire 2023").
  if (cands.empty()) {
    int month_day = 0;
    for (size_t i = 0; i < n && i < kHeaderLines && !month_day; ++i)
      if (auto dl = parse_dateline(lines[i].text)) month_day = dl->month_day;
    if (month_day) {
      for (size_t i = 0; i < n; ++i) {
        if (i >= kHeaderLines && i + kFooterLines < n) continue;
        if (classify_line(lines[i].text) != LineKind::kCopyright) continue;
        const int year = copyright_year(lines[i].text);
        if (auto d = Date::ymd(year, month_day / 100, month_day % 100); year && d.valid()) {
          cands.push_back({d, 50, "text", lines[i].text});
          break;
        }
      }
    }
  }
  if (auto d = date_from_url(url)) {
    cands.push_back({*d, d->precision == DatePrecision::kDay ? 88 : 60, "url", std::string(url)});
  }
  if (cands.empty()) return std::nullopt;
  // Highest score wins; earlier evidence breaks ties (stable sort keeps input order).
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  Candidate best = cands.front();
  if (best.date.precision != DatePrecision::kDay) {
    // "date 2019-01" + a URL with 20190123: the more precise date that agrees wins.
    for (const Candidate& c : cands) {
      if (c.date.precision == DatePrecision::kDay && c.date.year == best.date.year &&
          (best.date.precision == DatePrecision::kYear || c.date.month == best.date.month)) {
        best = c;
        break;
      }
    }
  }
  return PublishedGuess{best.date, best.source, best.evidence};
}

std::string url_host(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, std::min(url.find_first_of("/?#"), url.size()));
  if (const size_t at = url.find('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (const size_t colon = url.find(':'); colon != std::string_view::npos) url = url.substr(0, colon);
  std::string host = lower_ascii(url);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

bool looks_like_headline(std::string_view line) {
  if (line.empty() || count_words(line) > 25 || line.size() > 250) return false;
  const char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '"') return false;
  if (line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\x9D") return false;  // closing quote
  return true;
}

}  // namespace

std::optional<PublishedGuess> find_published(std::string_view text, std::string_view url) {
  std::vector<Line> lines = split_lines(text);
  std::optional<Date> marker;
  if (!lines.empty()) marker = take_date_marker(lines.front().text);
  return guess_published(lines, marker, url);
}

Status clean(doc::Document& doc, const CleanOptions& options, CleanReport* report) {
  CleanReport rep;
  std::vector<Line> lines = split_lines(doc.text);
  rep.lines_in = static_cast<uint32_t>(lines.size());
  std::optional<Date> marker;
  if (!lines.empty()) {
    marker = take_date_marker(lines.front().text);
    if (lines.front().text.empty()) {
      const bool para = lines.front().paragraph_start;
      lines.erase(lines.begin());
      if (!lines.empty()) lines.front().paragraph_start |= para;
    }
  }
  doc::Metadata& meta = doc.meta;
  if (options.find_published && !meta.published) {
    if (auto g = guess_published(lines, marker, meta.url)) {
      meta.published = g->date;
      meta.published_source = g->source;
      rep.published_from = g->evidence;
    }
  }

  // Drop boilerplate; cut credits out of captions.
  std::vector<Line> kept;
  kept.reserve(lines.size());
  bool dateline_found = false;
  size_t dateline_tries = 0;
  size_t dateline_line = std::string::npos, dateline_length = 0;
  bool pending_para = false;
  for (Line& l : lines) {
    pending_para |= l.paragraph_start;
    const LineKind kind = options.drop_boilerplate ? classify_line(l.text) : LineKind::kText;
    // A dateline can sit on a line of its own that is otherwise only a date ("Brussels, March 3, 2022").
    if (options.find_dateline && !dateline_found && (kind == LineKind::kText || kind == LineKind::kDateOnly) &&
        dateline_tries++ < kDatelineLines) {
      if (auto dl = parse_dateline(l.text)) {
        if (meta.dateline.empty()) meta.dateline = dl->place;
        if (meta.source.empty()) meta.source = dl->outlet;
        dateline_found = true;
        dateline_line = kept.size();
        dateline_length = dl->length;
      }
    }
    if (options.drop_boilerplate) {
      if (kind != LineKind::kText) {
        ++rep.lines_dropped;
        if (report) rep.dropped.emplace_back(kind, l.text);
        continue;
      }
      std::string stripped = strip_photo_credits(l.text);
      if (stripped.size() != l.text.size()) {
        ++rep.credits_cut;
        if (report) rep.dropped.emplace_back(LineKind::kPhotoCredit, l.text);
        if (stripped.empty()) {
          ++rep.lines_dropped;
          continue;
        }
        l.text = std::move(stripped);
      }
    }
    l.paragraph_start = pending_para || kept.empty();
    pending_para = false;
    kept.push_back(std::move(l));
  }
  if (kept.empty()) return Status(Code::kEmptyInput, "no text left after removing boilerplate");

  if (meta.title.empty() && kept.size() > 1 && dateline_line != 0 && looks_like_headline(kept[0].text) &&
      kept[1].paragraph_start)
    meta.title = kept[0].text;
  if (meta.source.empty()) meta.source = url_host(meta.url);

  std::string out;
  out.reserve(doc.text.size());
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out.append(kept[i].paragraph_start ? "\n\n" : "\n");
    // Where the dateline ends, the report's first sentence starts (the segmenter splits there).
    if (i == dateline_line && dateline_length > 0 && dateline_length < kept[i].text.size())
      meta.dateline_end = static_cast<uint32_t>(out.size() + dateline_length);
    out.append(kept[i].text);
  }
  doc.text = std::move(out);
  if (report) *report = std::move(rep);
  return Status::ok();
}

}  // namespace casus::clean
