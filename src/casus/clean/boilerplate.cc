#include "casus/clean/boilerplate.h"

#include <array>
#include <cctype>
#include <vector>

#include "casus/clean/date_text.h"

namespace casus::clean {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Drops list bullets and separators that menus put before items.
std::string_view strip_bullets(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.substr(0, 3) == "\xE2\x80\xA2" || s.substr(0, 3) == "\xE2\x80\xBA" || s.substr(0, 2) == "\xC2\xB7" ||
        s.substr(0, 2) == "\xC2\xBB") {
      s.remove_prefix(s[0] == '\xC2' ? 2 : 3);
      continue;
    }
    if (!s.empty() && (s[0] == '*' || s[0] == '|' || s[0] == '>') ) {
      s.remove_prefix(1);
      continue;
    }
    return s;
  }
}

size_t count_words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// `low` starts with `prefix` and the prefix ends at a word boundary.
bool starts_word(std::string_view low, std::string_view prefix) {
  if (low.substr(0, prefix.size()) != prefix) return false;
  if (low.size() == prefix.size()) return true;
  const char next = low[prefix.size()];
  return !is_alpha(prefix.back()) || !is_alpha(next);
}

template <size_t N>
bool starts_any(std::string_view low, const std::array<std::string_view, N>& list) {
  for (std::string_view p : list)
    if (starts_word(low, p)) return true;
  return false;
}

template <size_t N>
bool equals_any(std::string_view low, const std::array<std::string_view, N>& list) {
  for (std::string_view p : list)
    if (low == p) return true;
  return false;
}

// Strips trailing ":" "." "…" "»" and spaces for whole-line comparisons ("Read more:" == "read more").
std::string_view strip_tail_punct(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == ' ' || s.back() == '!' || s.back() == '>')) {
      s.remove_suffix(1);
      continue;
    }
    if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\xA6" || s.substr(s.size() - 3) == "\xE2\x86\x92")) {
      s.remove_suffix(3);
      continue;
    }
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {
      s.remove_suffix(2);
      continue;
    }
    return s;
  }
}

// "16 954", "---", "* * *": digits without letters, or only separator characters. A lone quote mark or
// parenthesis is not furniture (it can close a quotation split over lines).
bool only_digits_and_punct(std::string_view s) {
  bool digit = false, other = false;
  for (char c : s) {
    if (is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) return false;
    if (is_digit(c)) digit = true;
    else if (c != '-' && c != '_' && c != '*' && c != '=' && c != '~' && c != '#' && c != '|' && c != ' ' &&
             c != '.' && c != ',' && c != ':' && c != '/' && c != '+' && c != '(' && c != ')')
      other = true;
  }
  return digit || (!other && !s.empty() && s.find_first_not_of(" ()") != std::string_view::npos);
}

constexpr std::array<std::string_view, 4> kLoading = {"loading", "please wait", "loading video", "loading comments"};

constexpr std::array<std::string_view, 22> kPhotoStarts = {
    "photo:", "photo/", "photo by", "photos:", "photograph:", "photograph by", "picture:", "image:", "credit:",
    "photo credit", "file photo", "image caption", "image source", "media caption", "getty images", "(photo",
    "foto:", "pictured:", "caption:", "video:", "video credit", "illustration:"};

constexpr std::array<std::string_view, 20> kTeaserStarts = {
    "read more", "read also", "also read", "see also", "related:", "related stories", "related articles",
    "related news", "related coverage", "related content", "recommended", "more from", "most read",
    "more stories", "you may also like", "you might also like", "trending now", "latest news:", "read next",
    "must read"};

constexpr std::array<std::string_view, 29> kSocialStarts = {
    "share this", "share on", "share via", "share article", "share the article", "share story", "follow us",
    "follow our", "subscribe", "sign up", "click here", "tap here", "join our", "join us on", "download our",
    "download the app", "get the latest", "get our", "listen to this article", "listen to article",
    "watch the video", "watch video", "copy link", "email this", "print this", "follow the latest",
    "follow live", "already a subscriber", "support our journalism"};

constexpr std::array<std::string_view, 22> kSocialExact = {
    "share", "tweet", "email", "print", "facebook", "twitter", "x", "linkedin", "telegram", "whatsapp",
    "reddit", "pinterest", "comments", "comment", "close", "save", "link copied", "copy", "messenger",
    "flipboard", "share this story", "gift this article"};

constexpr std::array<std::string_view, 17> kAdvertExact = {
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
    "paid content", "promoted", "scroll to continue", "scroll to continue with content", "continue reading",
    "continue reading below", "story continues below advertisement", "article continues below",
    "story continues below", "article continues after advertisement"};

constexpr std::array<std::string_view, 13> kCreditStarts = {
    "reporting by", "(reporting by", "additional reporting", "(additional reporting", "writing by", "(writing by",
    "editing by", "(editing by", "edited by", "compiled by", "with reporting by", "contributed reporting",
    "(compiled by"};

constexpr std::array<std::string_view, 23> kBylineExact = {
    "associated press", "the associated press", "reuters", "afp", "agence france-presse", "staff reporter",
    "staff writer", "our correspondent", "news desk", "web desk", "online desk", "desk report", "bloomberg",
    "al jazeera staff", "al jazeera and news agencies", "news agencies", "xinhua", "ap", "anadolu agency",
    "tass", "agencies", "staff and agencies", "reuters staff"};

constexpr std::array<std::string_view, 11> kNavStarts = {"tags:", "tag:", "categories:", "category:",
                                                         "filed under", "topics:", "topic:", "sections:",
                                                         "skip to", "back to top", "more dw sites"};

constexpr std::array<std::string_view, 34> kNavExact = {
    "home", "menu", "search", "main menu", "navigation", "top stories", "world", "news", "politics",
    "middle east", "europe", "africa", "asia", "americas", "business", "opinion", "sport", "sports", "live",
    "breaking news", "breaking", "exclusive", "analysis", "video", "videos", "photos", "latest",
    "world news", "international", "region", "national", "us news", "uk news", "more"};

// Words that may follow "By" in a byline besides capitalised names.
bool byline_filler(std::string_view low) {
  static constexpr std::array<std::string_view, 16> kFill = {"and", "&", "of", "the", "in", "de", "al", "el",
                                                             "van", "von", "staff", "|", "-", "with", "bin", "da"};
  for (std::string_view f : kFill)
    if (low == f) return true;
  return false;
}

bool is_byline(std::string_view line, std::string_view low) {
  if (!starts_word(low, "by") || low.size() < 4 || count_words(line) > 14) return false;
  std::string_view rest = trim(line.substr(2));
  if (rest.empty()) return false;
  size_t words = 0;
  for (size_t i = 0; i < rest.size();) {
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == ',' || rest[i] == ';')) ++i;
    if (i >= rest.size()) break;
    size_t j = i;
    while (j < rest.size() && rest[j] != ' ' && rest[j] != ',' && rest[j] != ';') ++j;
    std::string_view w = rest.substr(i, j - i);
    ++words;
    const std::string wl = lower_ascii(w);
    const bool name_like = is_upper(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80 || is_digit(w[0]) ||
                           w[0] == '@' || w[0] == '(';
    if (!name_like && !byline_filler(wl)) return false;
    // A full stop ends a sentence unless it ends an initial ("J.") or an abbreviation ("Jr.").
    if (w.size() > 3 && w.back() == '.' && j >= rest.size()) return false;
    i = j;
  }
  return words >= 1;
}

bool is_date_only(std::string_view line, std::string_view low) {
  const size_t words = count_words(line);
  if (words > 16) return false;
  const auto dates = find_dates(line, 2);
  if (dates.empty()) return false;
  // What is left after the dates, times, weekdays and the usual labels.
  std::string rest;
  size_t pos = 0;
  for (const auto& d : dates) {
    rest.append(line.substr(pos, d.begin - pos));
    rest.push_back(' ');
    pos = d.end;
  }
  rest.append(line.substr(pos));
  size_t leftover = 0;
  for (size_t i = 0; i < rest.size();) {
    while (i < rest.size() && !is_alpha(rest[i]) && static_cast<unsigned char>(rest[i]) < 0x80) ++i;
    if (i >= rest.size()) break;
    size_t j = i;
    while (j < rest.size() && (is_alpha(rest[j]) || static_cast<unsigned char>(rest[j]) >= 0x80 || rest[j] == '.')) ++j;
    const std::string w = lower_ascii(rest.substr(i, j - i));
    static constexpr std::array<std::string_view, 34> kLabels = {
        "published", "updated", "posted", "on", "last", "first", "date", "at", "am", "pm", "a.m.", "p.m.", "gmt",
        "utc", "ist", "bdst", "est", "edt", "cet", "cest", "pst", "pdt", "bst", "eet", "eest", "msk", "ast",
        "local", "time", "modified", "created", "issued", "hrs", "wib"};
    bool label = weekday_number(w) >= 0 || month_number(w) > 0;
    for (std::string_view l : kLabels)
      if (w == l) label = true;
    if (!label) ++leftover;
    i = j;
  }
  (void)low;
  return leftover <= 2;
}

}  // namespace

const char* line_kind_name(LineKind k) {
  switch (k) {
    case LineKind::kText: return "text";
    case LineKind::kLoading: return "loading";
    case LineKind::kPhotoCredit: return "photo-credit";
    case LineKind::kTeaser: return "teaser";
    case LineKind::kSocial: return "social";
    case LineKind::kAdvert: return "advert";
    case LineKind::kByline: return "byline";
    case LineKind::kCredits: return "credits";
    case LineKind::kCopyright: return "copyright";
    case LineKind::kCounter: return "counter";
    case LineKind::kDateOnly: return "date-only";
    case LineKind::kNavigation: return "navigation";
  }
  return "?";
}

LineKind classify_line(std::string_view raw) {
  const std::string_view line = strip_bullets(raw);
  if (line.empty()) return trim(raw).empty() ? LineKind::kText : LineKind::kCounter;  // "* * *", "•"
  if (line.size() > 600) return LineKind::kText;  // boilerplate is short; long lines are story text
  const std::string low_full = lower_ascii(line);
  const std::string_view low = low_full;
  const std::string_view bare = strip_tail_punct(low);
  const size_t words = count_words(line);

  if (equals_any(bare, kLoading)) return LineKind::kLoading;
  if (only_digits_and_punct(line) && words <= 6)
    return find_dates(line, 1).empty() ? LineKind::kCounter : LineKind::kDateOnly;  // "11/23/2009" dates the story
  if (words <= 5) {
    bool digit = false;
    for (char c : line) digit |= is_digit(c);
    if (digit && (low.find("views") != std::string::npos || low.find("min read") != std::string::npos ||
                  low.find("minute read") != std::string::npos || low.find("minutes read") != std::string::npos ||
                  low.find("comments") != std::string::npos || low.find("shares") != std::string::npos))
      return LineKind::kCounter;
  }
  if (words <= 18 && starts_any(low, kPhotoStarts)) return LineKind::kPhotoCredit;
  if (strip_photo_credits(line).empty()) return LineKind::kPhotoCredit;
  if (words <= 25 && (starts_any(low, kTeaserStarts) || bare == "related" || bare == "trending" || bare == "popular"))
    return LineKind::kTeaser;
  if (equals_any(bare, kSocialExact)) return LineKind::kSocial;
  if (words <= 25 && starts_any(low, kSocialStarts)) return LineKind::kSocial;
  if (equals_any(bare, kAdvertExact)) return LineKind::kAdvert;
  if (words <= 45 && starts_any(low, kCreditStarts)) return LineKind::kCredits;
  // "© Sputnik/ Name Headline..." is a photo credit in front of text, cut by strip_photo_credits; "© 2024 Reuters"
  // is a copyright line.
  const bool credit_first = low.substr(0, 2) == "\xC2\xA9" && low.find('/') < 40;
  if (words <= 20 && !credit_first && (low.substr(0, 2) == "\xC2\xA9" || starts_word(low, "(c)") || starts_word(low, "copyright") ||
                      low.find("all rights reserved") != std::string::npos))
    return LineKind::kCopyright;
  if (equals_any(bare, kBylineExact) || is_byline(line, low)) return LineKind::kByline;
  // "Horn Herald staff", "Our Beirut correspondent": a short credit line naming a newsroom role.
  if (words <= 5) {
    for (std::string_view role : {" staff", " correspondent", " reporter", " desk", " bureau"})
      if (bare.size() > role.size() && bare.substr(bare.size() - role.size()) == role) return LineKind::kByline;
  }
  if (words <= 20 && starts_any(low, kNavStarts)) return LineKind::kNavigation;
  if (equals_any(bare, kNavExact)) return LineKind::kNavigation;
  if (is_date_only(line, low)) return LineKind::kDateOnly;
  return LineKind::kText;
}

namespace {

// Removes "(AP Photo/Name)", "(Photo: X)", "(Reuters/Name)", "[Source: Al Jazeera]" ... anywhere in the line.
std::string strip_parenthesised_credits(std::string_view line, char open_char, char close_char) {
  static constexpr std::array<std::string_view, 18> kOpeners = {
      "AP Photo", "Photo", "photo", "PHOTO", "Reuters/", "REUTERS/", "AFP", "Getty", "EPA", "File photo",
      "File Photo", "Image", "Credit", "Picture", "Courtesy", "Pool photo", "Source:", "File:"};
  std::string out;
  size_t pos = 0;
  while (pos < line.size()) {
    const size_t open = line.find(open_char, pos);
    if (open == std::string_view::npos) break;
    const size_t close = line.find(close_char, open);
    if (close == std::string_view::npos) break;
    const std::string_view inside = line.substr(open + 1, close - open - 1);
    bool credit = false;
    if (inside.size() <= 120) {
      for (std::string_view o : kOpeners) {
        // "(Source: AFP and Reuters)" attributes the story; only a bracketed "[Source: X]" is a caption credit.
        if ((o == "Source:" || o == "File:") && open_char != '[') continue;
        if (inside.substr(0, o.size()) == o &&
            (inside.size() == o.size() || !is_alpha(inside[o.size()]) || o.back() == '/')) {
          // "(Photo ...)" must look like a credit: a slash, a colon or " by ".
          credit = o == "AP Photo" || o.back() == '/' || o.back() == ':' || inside.find('/') != std::string_view::npos ||
                   inside.find(':') != std::string_view::npos || inside.find(" by ") != std::string_view::npos;
          break;
        }
      }
    }
    // "(NP Photo/Alex Brandt)", "(Pool photo by ...)": any short parenthesis naming a photo with a slash/colon/by.
    if (!credit && inside.size() <= 80) {
      for (std::string_view m : {"Photo/", "Photo:", "Photo by", "PHOTO/", "PHOTO:", "photo/", "photo by"})
        if (inside.find(m) != std::string_view::npos) credit = true;
    }
    if (!credit) {
      out.append(line.substr(pos, close + 1 - pos));
      pos = close + 1;
      continue;
    }
    std::string_view before = line.substr(pos, open - pos);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    out.append(before);
    pos = close + 1;
  }
  out.append(line.substr(pos));
  return out;
}

const std::array<std::string_view, 14> kAgencyTails = {
    "/Reuters", "/REUTERS", "/AFP", "/AP", "/EPA", "/EPA-EFE", "via Getty Images", "/Getty Images",
    "/Anadolu Agency", "/Anadolu", "/Xinhua", "/Middle East Monitor", "/SOPA Images", "/Bloomberg"};

}  // namespace

std::string strip_photo_credits(std::string_view raw) {
  std::string line(trim(raw));
  if (line.find('(') != std::string::npos) line = strip_parenthesised_credits(line, '(', ')');
  if (line.find('[') != std::string::npos) line = strip_parenthesised_credits(line, '[', ']');
  std::string_view s = trim(line);

  // Leading "© Sputnik/ Alexei Druzhinin": the agency, the slash and a two-word name.
  if (s.substr(0, 2) == "\xC2\xA9") {
    const size_t slash = s.find('/');
    if (slash != std::string_view::npos && slash < 40) {
      size_t k = slash + 1;
      int names = 0;
      while (k < s.size() && names < 2) {
        while (k < s.size() && s[k] == ' ') ++k;
        if (k >= s.size() || !is_upper(s[k])) break;
        while (k < s.size() && s[k] != ' ') ++k;
        ++names;
      }
      s = trim(s.substr(k));
    }
  }

  // Trailing credit introduced by a marker: "... November. Photo/Middle East Monitor".
  static constexpr std::array<std::string_view, 18> kMarkers = {
      "Photo/", "Photo:", "Photo :", "Photo by ", "PHOTO:", "PHOTO/", "Photograph:", "Photograph by ", "Picture:",
      "Image:", "Credit:", "Photo credit:", "Foto:", "Foto/", "Photo courtesy", "Image courtesy", "Photos:",
      "Pictured:"};
  size_t cut = std::string_view::npos;
  // rfind over every marker is slow on long lines; most lines name no photo at all.
  bool maybe_marker = false;
  for (size_t i = 0; i < s.size() && !maybe_marker; ++i) {
    const std::string_view at = s.substr(i, 7);
    switch (s[i]) {
      case 'P': maybe_marker = at.substr(0, 5) == "Photo" || at.substr(0, 5) == "PHOTO" || at == "Picture"; break;
      case 'I': maybe_marker = at.substr(0, 5) == "Image"; break;
      case 'C': maybe_marker = at.substr(0, 6) == "Credit"; break;
      case 'F': maybe_marker = at.substr(0, 4) == "Foto"; break;
      default: break;
    }
  }
  for (std::string_view m : kMarkers) {
    if (!maybe_marker) break;
    const size_t at = s.rfind(m);
    if (at == std::string_view::npos) continue;
    if (at > 0 && s[at - 1] != ' ' && s[at - 1] != '.' && s[at - 1] != '|' && s[at - 1] != '(') continue;
    const std::string_view tail = s.substr(at + m.size());
    if (count_words(tail) <= 8 && tail.size() <= 90 && tail.find(". ") == std::string_view::npos)
      cut = cut == std::string_view::npos ? at : std::min(cut, at);
  }
  // Trailing "REUTERS/Name Name" or "Name Name/Reuters".
  for (std::string_view tail_mark : kAgencyTails) {
    if (s.size() < tail_mark.size() || s.substr(s.size() - tail_mark.size()) != tail_mark) continue;
    // Walk back over at most five capitalised words (the photographer) to the end of the caption sentence.
    size_t start = s.size() - tail_mark.size();
    int back = 0;
    while (start > 0 && back < 6) {
      size_t k = start;
      while (k > 0 && s[k - 1] == ' ') --k;
      if (k == 0) {
        start = 0;
        break;
      }
      if (s[k - 1] == '.' || s[k - 1] == '|' || s[k - 1] == ')') break;
      size_t b = k;
      while (b > 0 && s[b - 1] != ' ') --b;
      if (!(is_upper(s[b]) || static_cast<unsigned char>(s[b]) >= 0x80)) break;
      start = b;
      ++back;
    }
    if (back > 0 && back < 6) cut = std::min(cut, start);
  }
  const bool has_slash = s.find('/') != std::string_view::npos;
  for (std::string_view agency : {std::string_view("REUTERS/"), std::string_view("AFP/"), std::string_view("EPA/")}) {
    if (!has_slash) break;
    const size_t at = s.rfind(agency);
    if (at == std::string_view::npos || (at > 0 && s[at - 1] != ' ' && s[at - 1] != '.')) continue;
    const std::string_view tail = s.substr(at + agency.size());
    if (count_words(tail) <= 5 && tail.find(". ") == std::string_view::npos) cut = std::min(cut, at);
  }
  if (cut != std::string_view::npos) {
    s = s.substr(0, cut);
    // Separators left in front of the credit ("... | Photo: X", "... - REUTERS/X").
    while (!s.empty() && (s.back() == ' ' || s.back() == '|' || s.back() == '-' || s.back() == '/')) s.remove_suffix(1);
  }
  return std::string(s);
}

}  // namespace casus::clean
