// TSV loader and checker for the KB schema (docs/KB.md).
#include <algorithm>
#include <charconv>
#include <deque>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

#include "casus/kb/loader.h"
#include "casus/util/file.h"

namespace casus::kb {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTypeCodes[] = {"GOV", "MIL", "REB", "OPP", "PTY", "IGO", "NGO", "MED",
                                      "CVL", "BUS", "JUD", "LEG", "COP", "REL", "ALLIANCE"};
constexpr const char* kRoleCodes[] = {
    "head_of_state",   "head_of_government", "supreme_leader",     "vice_president",   "foreign_minister",
    "defence_minister", "interior_minister", "finance_minister",   "military_chief",   "intelligence_chief",
    "opposition_leader", "group_leader",     "group_military_leader", "spokesperson",  "igo_head",
    "party_leader",    "speaker",            "other"};
constexpr const char* kCountryStatus[] = {"un_member", "observer", "territory", "disputed"};
constexpr const char* kPlaceKinds[] = {"city", "town", "region", "territory", "water", "strait", "border", "facility"};
constexpr const char* kOrgKinds[] = {"government", "ministry", "armed_forces", "police", "intelligence", "legislature",
                                     "court", "igo", "ngo", "media", "armed_group", "party", "company", "religious",
                                     "other"};
constexpr const char* kAllianceKinds[] = {"military_alliance", "coalition", "axis", "bloc", "igo_membership"};

template <size_t N>
bool in(const char* const (&set)[N], std::string_view s) {
  return std::any_of(std::begin(set), std::end(set), [&](const char* x) { return s == x; });
}

enum class FileType { kCountries, kPlaces, kAgents, kPeople, kRoles, kOrganizations, kAlliances, kMembers, kAmbiguous };

struct FileSpec {
  FileType type;
  const char* stem;  // file name without .tsv
  std::vector<std::string> columns;
};

const std::vector<FileSpec>& specs() {
  static const std::vector<FileSpec> kSpecs = {
      {FileType::kCountries, "countries",
       {"id", "iso3", "iso2", "name", "aliases", "demonyms", "capital", "metonyms", "status", "checked"}},
      {FileType::kPlaces, "places", {"id", "name", "aliases", "kind", "country", "admin1", "lat", "lon", "checked"}},
      {FileType::kAgents, "agents", {"id", "nouns", "type", "description"}},
      {FileType::kOrganizations, "organizations",
       {"id", "name", "aliases", "kind", "type", "country", "parent", "sponsors", "start", "end", "description",
        "checked"}},
      {FileType::kAlliances, "alliances", {"id", "name", "aliases", "kind", "start", "end", "description", "checked"}},
      {FileType::kPeople, "people", {"id", "name", "aliases", "country", "born", "died", "description", "checked"}},
      {FileType::kRoles, "roles", {"person", "role", "org", "title", "start", "end", "checked"}},
      {FileType::kMembers, "alliance_members", {"alliance", "member", "start", "end", "role", "checked"}},
      {FileType::kAmbiguous, "ambiguous", {"alias", "ids", "reason"}},
  };
  return kSpecs;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.back() == ' ')) {
    if (s.front() == ' ') s.remove_prefix(1);
    if (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  }
  return std::string(s);
}

// One row being read, with its position for diagnostics.
struct Row {
  const std::string* file;
  int line;
  bool curated;
  std::vector<std::string> cells;
};

// Where a row came from, without its cells (rows are not kept after parsing).
struct Pos {
  const std::string* file;
  int line;
};
struct PendingRole {
  Role role;
  std::string person_id;
  Pos row;
};
struct PendingMember {
  Membership m;
  std::string alliance_id;
  Pos row;
};
struct Ref {
  Pos pos;
  int col;
  std::string value;
};
struct AmbiguousRule {
  std::string alias_key;
  std::set<std::string> ids;
};

class Builder {
 public:
  Builder(KnowledgeBase::Impl& impl, CheckReport& report, bool full) : impl_(impl), report_(report), full_(full) {}

  void error(const Row& r, int col, Code code, std::string msg) { add(Severity::kError, r, col, code, std::move(msg)); }
  void error(const Pos& p, int col, Code code, std::string msg) {
    report_.diagnostics.push_back({Severity::kError, code, *p.file, p.line, col, std::move(msg)});
  }
  void warn(const Row& r, int col, Code code, std::string msg) { add(Severity::kWarning, r, col, code, std::move(msg)); }
  void add(Severity s, const Row& r, int col, Code code, std::string msg) {
    report_.diagnostics.push_back({s, code, *r.file, r.line, col, std::move(msg)});
  }
  void file_error(const std::string& file, int line, Code code, std::string msg) {
    report_.diagnostics.push_back({Severity::kError, code, file, line, 0, std::move(msg)});
  }

  void load_file(const std::string& path, const std::string& display, const FileSpec& spec, bool curated);
  void finish();

 private:
  void row(const FileSpec& spec, Row& r);
  uint32_t upsert(const Row& r, int id_col, const std::string& id, EntryKind kind);
  std::vector<std::string> list(const Row& r, int col);
  std::optional<Date> date(const Row& r, int col);
  void check_range(const Row& r, int col, const std::optional<Date>& a, const std::optional<Date>& b);
  bool check_id(const Row& r, int col, const std::string& id, std::string_view prefix);
  void check_type(const Row& r, int col, const std::string& t, bool required);
  // The dated types of an organisation's type cell, empty when the cell is a single code.
  std::vector<Entry::TypePeriod> type_history(const Row& r, int col, const std::string& cell);
  void need_country(const Row& r, int col, const std::string& iso3);
  void collisions();

  KnowledgeBase::Impl& impl_;
  CheckReport& report_;
  bool full_;
  std::deque<std::string> files_;  // stable storage (deque: no reallocation) for file names rows point at
  std::unordered_map<std::string, std::string> id_file_;  // id → display file that last defined it
  std::vector<bool> curated_;  // per entry: defined in a curated file
  std::vector<PendingRole> roles_;
  std::vector<PendingMember> members_;
  std::vector<Ref> id_refs_;       // org parents and sponsors
  std::vector<AmbiguousRule> ambiguous_;
  std::vector<Ref> country_refs_;  // ISO alpha-3 codes to check once countries are loaded
};

std::vector<std::string> Builder::list(const Row& r, int col) {
  std::vector<std::string> out;
  const std::string& cell = r.cells[col];
  if (cell.empty()) return out;
  for (auto& x : split(cell, '|')) {
    std::string t = trim(x);
    if (t.empty()) {
      warn(r, col + 1, Code::kKbSchema, "empty item in list \"" + cell + "\"");
      continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<Date> Builder::date(const Row& r, int col) {
  const std::string& cell = r.cells[col];
  if (cell.empty()) return std::nullopt;
  auto d = Date::parse(cell);
  if (!d || !d->valid()) {
    error(r, col + 1, Code::kKbDate, "bad date \"" + cell + "\" (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    return std::nullopt;
  }
  return d;
}

void Builder::check_range(const Row& r, int col, const std::optional<Date>& a, const std::optional<Date>& b) {
  if (a && b && a->first_day() > b->last_day())
    error(r, col + 1, Code::kKbDate, "start " + a->iso() + " is after end " + b->iso());
}

bool Builder::check_id(const Row& r, int col, const std::string& id, std::string_view prefix) {
  bool ok = id.size() > prefix.size() + 1 && id.compare(0, prefix.size(), prefix) == 0 && id[prefix.size()] == ':';
  if (ok) {
    std::string_view rest = std::string_view(id).substr(prefix.size() + 1);
    if (prefix == "country") {
      ok = rest.size() == 3 && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    } else {
      ok = std::all_of(rest.begin(), rest.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
    }
  }
  if (!ok) {
    std::string expect = prefix == "country" ? "country:XXX (ISO alpha-3, upper case)"
                                             : std::string(prefix) + ":<lower-case ascii, digits, _>";
    error(r, col + 1, Code::kKbSchema, "bad id \"" + id + "\" (expected " + expect + ")");
  }
  return ok;
}

void Builder::check_type(const Row& r, int col, const std::string& t, bool required) {
  if (t.empty()) {
    if (required) error(r, col + 1, Code::kKbSchema, "missing actor type code");
    return;
  }
  if (!is_type_code(t)) error(r, col + 1, Code::kKbSchema, "unknown actor type code \"" + t + "\"");
}

std::vector<Entry::TypePeriod> Builder::type_history(const Row& r, int col, const std::string& cell) {
  std::vector<Entry::TypePeriod> out;
  if (cell.find(':') == std::string::npos) return out;
  // "REB:1994/2021-08-14|GOV:2021-08-15/": type, colon, start/end (either may be empty), in time order.
  size_t from = 0;
  while (from <= cell.size()) {
    size_t bar = cell.find('|', from);
    if (bar == std::string::npos) bar = cell.size();
    const std::string part = cell.substr(from, bar - from);
    from = bar + 1;
    const size_t colon = part.find(':'), slash = part.find('/');
    if (colon == std::string::npos || slash == std::string::npos || slash < colon) {
      error(r, col + 1, Code::kKbSchema, "bad type period \"" + part + "\" (expected TYPE:start/end)");
      return {};
    }
    Entry::TypePeriod p;
    p.type = part.substr(0, colon);
    check_type(r, col, p.type, true);
    const std::string a = part.substr(colon + 1, slash - colon - 1), b = part.substr(slash + 1);
    for (const auto& [text, first] : {std::pair{a, true}, std::pair{b, false}}) {
      if (text.empty()) continue;
      auto d = Date::parse(text);
      if (!d || !d->valid()) {
        error(r, col + 1, Code::kKbDate, "bad date \"" + text + "\" in type period \"" + part + "\"");
        return {};
      }
      if (first) p.days.first = d->first_day();
      else p.days.last = d->last_day();
    }
    if (p.days.first > p.days.last || (!out.empty() && p.days.first <= out.back().days.last)) {
      error(r, col + 1, Code::kKbDate, "type periods must be ordered and not overlap (\"" + part + "\")");
      return {};
    }
    out.push_back(std::move(p));
  }
  return out;
}

void Builder::need_country(const Row& r, int col, const std::string& iso3) {
  if (iso3.empty()) return;
  country_refs_.push_back({{r.file, r.line}, col, iso3});
}

uint32_t Builder::upsert(const Row& r, int id_col, const std::string& id, EntryKind kind) {
  auto it = impl_.by_id.find(id);
  if (it != impl_.by_id.end()) {
    auto f = id_file_.find(id);
    if (f != id_file_.end() && f->second == *r.file) {
      error(r, id_col + 1, Code::kKbDuplicate, "duplicate id \"" + id + "\" (first defined at " +
                                                   impl_.entries[it->second].source + ")");
    } else if (impl_.entries[it->second].kind != kind) {
      error(r, id_col + 1, Code::kKbDuplicate, "id \"" + id + "\" already used by a " +
                                                   entry_kind_name(impl_.entries[it->second].kind) + " at " +
                                                   impl_.entries[it->second].source);
    }
    id_file_[id] = *r.file;
    impl_.entries[it->second].source = *r.file + ":" + std::to_string(r.line);
    if (r.curated) curated_[it->second] = true;
    return it->second;
  }
  uint32_t idx = uint32_t(impl_.entries.size());
  impl_.entries.emplace_back();
  impl_.entries.back().id = id;
  impl_.entries.back().kind = kind;
  impl_.entries.back().source = *r.file + ":" + std::to_string(r.line);
  impl_.by_id.emplace(id, idx);
  id_file_[id] = *r.file;
  curated_.push_back(r.curated);
  return idx;
}

// Later files override non-empty fields; list fields are unioned.
void set(std::string& field, const std::string& v) {
  if (!v.empty()) field = v;
}
void merge(std::vector<std::string>& field, const std::vector<std::string>& v) {
  for (const auto& x : v)
    if (std::find(field.begin(), field.end(), x) == field.end()) field.push_back(x);
}

void Builder::row(const FileSpec& spec, Row& r) {
  auto& c = r.cells;
  switch (spec.type) {
    case FileType::kCountries: {
      if (!check_id(r, 0, c[0], "country")) return;
      if (c[0].substr(8) != c[1]) error(r, 2, Code::kKbSchema, "iso3 \"" + c[1] + "\" does not match id " + c[0]);
      if (!c[2].empty() && (c[2].size() != 2 || !std::isupper(static_cast<unsigned char>(c[2][0]))))
        error(r, 3, Code::kKbSchema, "bad iso2 \"" + c[2] + "\"");
      if (c[3].empty()) error(r, 4, Code::kKbSchema, "missing name");
      if (!c[8].empty() && !in(kCountryStatus, c[8]))
        error(r, 9, Code::kKbSchema, "unknown status \"" + c[8] + "\" (un_member|observer|territory|disputed)");
      uint32_t i = upsert(r, 0, c[0], EntryKind::kCountry);
      Entry& e = impl_.entries[i];
      e.country = c[1];
      e.type = "GOV";
      set(e.iso2, c[2]);
      set(e.name, c[3]);
      merge(e.aliases, list(r, 4));
      merge(e.demonyms, list(r, 5));
      set(e.capital, c[6]);
      merge(e.metonyms, list(r, 7));
      set(e.subkind, c[8]);
      set(e.checked, c[9]);
      return;
    }
    case FileType::kPlaces: {
      if (!check_id(r, 0, c[0], "place")) return;
      if (c[1].empty()) error(r, 2, Code::kKbSchema, "missing name");
      if (!c[3].empty() && !in(kPlaceKinds, c[3])) error(r, 4, Code::kKbSchema, "unknown place kind \"" + c[3] + "\"");
      need_country(r, 4, c[4]);
      std::optional<double> lat, lon;
      for (int k : {6, 7}) {
        if (c[k].empty()) continue;
        double v = 0;
        auto [p, ec] = std::from_chars(c[k].data(), c[k].data() + c[k].size(), v);
        double lim = k == 6 ? 90 : 180;
        if (ec != std::errc() || p != c[k].data() + c[k].size() || std::fabs(v) > lim) {
          error(r, k + 1, Code::kKbSchema, "bad coordinate \"" + c[k] + "\"");
          continue;
        }
        (k == 6 ? lat : lon) = v;
      }
      if (lat.has_value() != lon.has_value()) error(r, 7, Code::kKbSchema, "lat and lon must be given together");
      uint32_t i = upsert(r, 0, c[0], EntryKind::kPlace);
      Entry& e = impl_.entries[i];
      set(e.name, c[1]);
      merge(e.aliases, list(r, 2));
      set(e.subkind, c[3]);
      set(e.country, c[4]);
      set(e.admin1, c[5]);
      if (lat && lon) {
        e.lat = lat;
        e.lon = lon;
      }
      set(e.checked, c[8]);
      return;
    }
    case FileType::kAgents: {
      if (!check_id(r, 0, c[0], "agent")) return;
      auto nouns = list(r, 1);
      if (nouns.empty()) error(r, 2, Code::kKbSchema, "missing nouns");
      check_type(r, 2, c[2], true);
      uint32_t i = upsert(r, 0, c[0], EntryKind::kAgent);
      Entry& e = impl_.entries[i];
      if (e.name.empty() && !nouns.empty()) e.name = nouns.front();
      merge(e.aliases, nouns);
      set(e.type, c[2]);
      set(e.description, c[3]);
      return;
    }
    case FileType::kPeople: {
      if (!check_id(r, 0, c[0], "person")) return;
      if (c[1].empty()) error(r, 2, Code::kKbSchema, "missing name");
      need_country(r, 3, c[3]);
      auto born = date(r, 4), died = date(r, 5);
      check_range(r, 5, born, died);
      uint32_t i = upsert(r, 0, c[0], EntryKind::kPerson);
      Entry& e = impl_.entries[i];
      set(e.name, c[1]);
      merge(e.aliases, list(r, 2));
      set(e.country, c[3]);
      if (born) e.start = born;
      if (died) e.end = died;
      set(e.description, c[6]);
      set(e.checked, c[7]);
      return;
    }
    case FileType::kOrganizations: {
      if (!check_id(r, 0, c[0], "org")) return;
      if (c[1].empty()) error(r, 2, Code::kKbSchema, "missing name");
      if (!c[3].empty() && !in(kOrgKinds, c[3])) error(r, 4, Code::kKbSchema, "unknown organisation kind \"" + c[3] + "\"");
      auto history = type_history(r, 4, c[4]);
      if (history.empty()) check_type(r, 4, c[4], false);
      need_country(r, 5, c[5]);
      if (!c[6].empty()) id_refs_.push_back({{r.file, r.line}, 6, c[6]});
      auto sponsors = list(r, 7);
      for (const auto& s : sponsors) id_refs_.push_back({{r.file, r.line}, 7, s});
      auto start = date(r, 8), end = date(r, 9);
      check_range(r, 9, start, end);
      uint32_t i = upsert(r, 0, c[0], EntryKind::kOrganization);
      Entry& e = impl_.entries[i];
      set(e.name, c[1]);
      merge(e.aliases, list(r, 2));
      set(e.subkind, c[3]);
      if (history.empty()) {
        set(e.type, c[4]);
      } else {
        e.type = history.back().type;
        e.type_history = std::move(history);
      }
      set(e.country, c[5]);
      set(e.parent, c[6]);
      merge(e.sponsors, sponsors);
      if (start) e.start = start;
      if (end) e.end = end;
      set(e.description, c[10]);
      set(e.checked, c[11]);
      return;
    }
    case FileType::kAlliances: {
      if (!check_id(r, 0, c[0], "alliance")) return;
      if (c[1].empty()) error(r, 2, Code::kKbSchema, "missing name");
      if (!c[3].empty() && !in(kAllianceKinds, c[3])) error(r, 4, Code::kKbSchema, "unknown alliance kind \"" + c[3] + "\"");
      auto start = date(r, 4), end = date(r, 5);
      check_range(r, 5, start, end);
      uint32_t i = upsert(r, 0, c[0], EntryKind::kAlliance);
      Entry& e = impl_.entries[i];
      set(e.name, c[1]);
      merge(e.aliases, list(r, 2));
      set(e.subkind, c[3]);
      e.type = "ALLIANCE";
      if (start) e.start = start;
      if (end) e.end = end;
      set(e.description, c[6]);
      set(e.checked, c[7]);
      return;
    }
    case FileType::kRoles: {
      PendingRole p{Role{}, c[0], {r.file, r.line}};
      if (!is_role_code(c[1])) error(r, 2, Code::kKbSchema, "unknown role \"" + c[1] + "\" (see docs/KB.md)");
      if (c[2].empty()) error(r, 3, Code::kKbSchema, "missing org");
      auto start = date(r, 4), end = date(r, 5);
      check_range(r, 5, start, end);
      p.role.role = c[1];
      p.role.org = c[2];
      p.role.title = c[3];
      p.role.start = start;
      p.role.end = end;
      if (start) p.role.days.first = start->first_day();
      if (end) p.role.days.last = end->last_day();
      p.role.checked = c[6];
      p.role.source = *r.file + ":" + std::to_string(r.line);
      roles_.push_back(std::move(p));
      return;
    }
    case FileType::kMembers: {
      PendingMember p{Membership{}, c[0], {r.file, r.line}};
      auto start = date(r, 2), end = date(r, 3);
      check_range(r, 3, start, end);
      p.m.member = c[1];
      if (start) p.m.days.first = start->first_day();
      if (end) p.m.days.last = end->last_day();
      p.m.role = c[4];
      p.m.source = *r.file + ":" + std::to_string(r.line);
      members_.push_back(std::move(p));
      return;
    }
    case FileType::kAmbiguous: {
      AmbiguousRule rule;
      for (const auto& w : split_words(c[0])) rule.alias_key += (rule.alias_key.empty() ? "" : " ") + w.folded;
      for (const auto& id : list(r, 1)) rule.ids.insert(id);
      if (rule.ids.size() < 2) error(r, 2, Code::kKbSchema, "an ambiguity rule lists at least two ids");
      if (c[2].empty()) warn(r, 3, Code::kKbSchema, "say why the ambiguity is intended");
      ambiguous_.push_back(std::move(rule));
      return;
    }
  }
}

void Builder::load_file(const std::string& path, const std::string& display, const FileSpec& spec, bool curated) {
  auto content = read_file(path);
  if (!content) {
    file_error(display, 0, Code::kIo, content.status().message());
    return;
  }
  files_.push_back(display);
  impl_.stats.files++;
  const std::string* fname = &files_.back();
  std::string_view text = *content;
  int line_no = 0;
  bool saw_version = false, saw_header = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      if (line.rfind("# schema_version:", 0) != 0) {
        file_error(display, 1, Code::kKbSchema, "first line must be \"# schema_version: 1\"");
        return;
      }
      std::string v = trim(line.substr(17));
      if (v != "1") {
        file_error(display, 1, Code::kKbSchema, "unsupported schema_version \"" + v + "\" (this casus reads 1)");
        return;
      }
      saw_version = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    Row r{fname, line_no, curated, split(line, '\t')};
    if (!saw_header) {
      saw_header = true;
      if (r.cells != spec.columns) {
        std::string expect;
        for (const auto& col : spec.columns) expect += (expect.empty() ? "" : "\\t") + col;
        file_error(display, line_no, Code::kKbSchema, "header does not match the schema: expected \"" + expect + "\"");
        return;
      }
      continue;
    }
    if (r.cells.size() != spec.columns.size()) {
      error(r, 0, Code::kKbSchema, "expected " + std::to_string(spec.columns.size()) + " tab-separated columns, found " +
                                       std::to_string(r.cells.size()));
      continue;
    }
    for (size_t k = 0; k < r.cells.size(); ++k) {
      std::string t = trim(r.cells[k]);
      if (t.size() != r.cells[k].size()) {
        warn(r, int(k) + 1, Code::kKbSchema, "leading or trailing spaces in cell");
        r.cells[k] = t;
      }
    }
    impl_.stats.rows++;
    row(spec, r);
  }
  (void)saw_version;
  if (!saw_header) file_error(display, line_no, Code::kKbSchema, "missing header line");
}

void Builder::finish() {
  auto is_country = [&](const std::string& iso3) {
    auto it = impl_.by_id.find("country:" + iso3);
    return it != impl_.by_id.end();
  };
  for (const auto& ref : country_refs_)
    if (!is_country(ref.value))
      error(ref.pos, ref.col + 1, Code::kKbReference, "unknown country code \"" + ref.value + "\" (not in countries.tsv)");
  for (const auto& ref : id_refs_)
    if (!impl_.by_id.count(ref.value)) error(ref.pos, ref.col + 1, Code::kKbReference, "unknown id \"" + ref.value + "\"");

  impl_.roles_by_person.assign(impl_.entries.size(), {});
  std::set<std::tuple<std::string, std::string, std::string, std::string, int64_t, int64_t>> seen_roles;
  for (auto& p : roles_) {
    auto it = impl_.by_id.find(p.person_id);
    if (it == impl_.by_id.end() || impl_.entries[it->second].kind != EntryKind::kPerson) {
      error(p.row, 1, Code::kKbReference, "unknown person \"" + p.person_id + "\"");
      continue;
    }
    if (!p.role.org.empty() && !impl_.by_id.count(p.role.org)) {
      error(p.row, 3, Code::kKbReference, "unknown org \"" + p.role.org + "\" (expected country:XXX or an org id)");
      continue;
    }
    // Role rows are unioned across files; exact duplicates are dropped.
    if (!seen_roles.emplace(p.person_id, p.role.role, p.role.org, p.role.title, p.role.days.first, p.role.days.last)
             .second)
      continue;
    p.role.person = it->second;
    uint32_t idx = uint32_t(impl_.roles.size());
    impl_.roles.push_back(p.role);
    std::string key;
    for (const auto& w : split_words(p.role.title)) key += (key.empty() ? "" : " ") + w.folded;
    impl_.role_title_keys.push_back(std::move(key));
    impl_.roles_by_person[it->second].push_back(idx);
    impl_.roles_by_org[p.role.org].push_back(idx);
  }
  for (auto& p : members_) {
    auto it = impl_.by_id.find(p.alliance_id);
    if (it == impl_.by_id.end() || impl_.entries[it->second].kind != EntryKind::kAlliance) {
      error(p.row, 1, Code::kKbReference, "unknown alliance \"" + p.alliance_id + "\"");
      continue;
    }
    if (!impl_.by_id.count(p.m.member)) {
      error(p.row, 2, Code::kKbReference, "unknown member \"" + p.m.member + "\"");
      continue;
    }
    p.m.alliance = it->second;
    impl_.memberships.push_back(p.m);
  }

  // Compile the matcher.
  impl_.matcher.reserve(impl_.entries.size() * 2);
  for (uint32_t i = 0; i < impl_.entries.size(); ++i) {
    const Entry& e = impl_.entries[i];
    bool agent = e.kind == EntryKind::kAgent;
    if (!agent) impl_.matcher.add(e.name, i, Via::kName);
    for (const auto& a : e.aliases) impl_.matcher.add(a, i, agent ? Via::kNoun : Via::kAlias);
    for (const auto& a : e.demonyms) impl_.matcher.add(a, i, Via::kDemonym);
    for (const auto& a : e.metonyms) impl_.matcher.add(a, i, Via::kMetonym);
  }
  impl_.stats.aliases = impl_.matcher.aliases();
  impl_.stats.trie_nodes = impl_.matcher.nodes();

  // A state's national armed forces: the armed_forces organisation described as "Armed forces of [the]
  // <country name>" (not "… of the Kurdistan Region of Iraq"), else the state's only armed_forces organisation
  // placed directly under it. None when several compete (Iran's army and Revolutionary Guards).
  std::map<std::string, std::vector<uint32_t>> direct, described;
  for (uint32_t i = 0; i < impl_.entries.size(); ++i) {
    const Entry& e = impl_.entries[i];
    if (e.kind != EntryKind::kOrganization || e.subkind != "armed_forces" || e.country.empty()) continue;
    if (e.parent == "country:" + e.country) direct[e.country].push_back(i);
    auto c = impl_.by_id.find("country:" + e.country);
    if (c == impl_.by_id.end()) continue;
    const std::string& name = impl_.entries[c->second].name;
    for (std::string prefix : {"Armed forces of " + name, "Armed forces of the " + name}) {
      if (e.description.rfind(prefix, 0) != 0) continue;
      char next = e.description.size() > prefix.size() ? e.description[prefix.size()] : '\0';
      if (next == '\0' || next == ',' || next == ';' || next == ' ' || next == '.' || next == '(') {
        described[e.country].push_back(i);
        break;
      }
    }
  }
  for (const auto& [iso3, list] : described)
    if (list.size() == 1) impl_.national_forces[iso3] = list.front();
  for (const auto& [iso3, list] : direct)
    if (list.size() == 1 && !impl_.national_forces.count(iso3)) impl_.national_forces[iso3] = list.front();
  if (full_) collisions();
}

// Same alias → different entities. Errors when both come from curated files of the same entry kind (countries,
// organisations, alliances, agents: names there must be unique); warnings otherwise (people and places have real
// homonyms; imported data is noisy). kb/ambiguous.tsv whitelists intended ambiguity.
void Builder::collisions() {
  struct Use {
    uint32_t entry;
    std::string alias;
  };
  std::map<std::string, std::vector<Use>> by_key;
  for (uint32_t i = 0; i < impl_.entries.size(); ++i) {
    const Entry& e = impl_.entries[i];
    std::vector<std::string> names = e.aliases;
    if (e.kind != EntryKind::kAgent) names.push_back(e.name);
    names.insert(names.end(), e.demonyms.begin(), e.demonyms.end());
    std::set<std::string> keys;
    for (const auto& a : names) {
      auto words = split_words(a);
      bool acronym = std::none_of(a.begin(), a.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      std::string key;
      for (const auto& w : words) key += (key.empty() ? "" : " ") + (acronym ? w.original : w.folded);
      if (acronym) key = "A:" + key;
      if (keys.insert(key).second) by_key[key].push_back({i, a});
    }
  }
  for (const auto& [key, uses] : by_key) {
    if (uses.size() < 2) continue;
    std::set<std::string> ids;
    for (const auto& u : uses) ids.insert(impl_.entries[u.entry].id);
    std::string plain = key.rfind("A:", 0) == 0 ? fold(key.substr(2)) : key;
    bool allowed = std::any_of(ambiguous_.begin(), ambiguous_.end(), [&](const AmbiguousRule& r) {
      return r.alias_key == plain && std::includes(r.ids.begin(), r.ids.end(), ids.begin(), ids.end());
    });
    if (allowed) continue;
    const Entry& a = impl_.entries[uses[0].entry];
    bool strict = true;
    for (const auto& u : uses) {
      const Entry& b = impl_.entries[u.entry];
      if (b.kind != a.kind || !curated_[u.entry]) strict = false;
    }
    if (a.kind == EntryKind::kPerson || a.kind == EntryKind::kPlace) strict = false;
    std::string list;
    for (const auto& u : uses) list += (list.empty() ? "" : ", ") + impl_.entries[u.entry].id + " (" + impl_.entries[u.entry].source + ")";
    std::string src = impl_.entries[uses.back().entry].source;
    size_t colon = src.rfind(':');
    std::string file = src.substr(0, colon);
    int line = std::atoi(src.c_str() + colon + 1);
    report_.diagnostics.push_back({strict ? Severity::kError : Severity::kWarning, Code::kKbDuplicate, file, line, 0,
                                   "alias \"" + uses.back().alias + "\" names " + std::to_string(ids.size()) +
                                       " entries: " + list + " (whitelist intended ambiguity in kb/ambiguous.tsv)"});
  }
}

}  // namespace

bool is_type_code(std::string_view s) { return in(kTypeCodes, s); }
bool is_role_code(std::string_view s) { return in(kRoleCodes, s); }

void build(const std::string& kb_dir, KnowledgeBase::Impl& impl, CheckReport& report, bool full_checks) {
  Builder b(impl, report, full_checks);
  impl.entries.reserve(65536);  // the repository KB has ~40k entries; avoid regrowing while loading
  impl.by_id.reserve(65536);
  std::error_code ec;
  if (!fs::is_directory(kb_dir, ec)) {
    report.diagnostics.push_back({Severity::kError, Code::kIo, kb_dir, 0, 0, "not a directory"});
    return;
  }
  auto display = [&](const fs::path& p) {
    std::string base = kb_dir;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    return base + "/" + fs::relative(p, kb_dir, ec).generic_string();
  };
  // imported/*.tsv first (sorted), then the curated files in dependency order.
  std::vector<fs::path> imported;
  fs::path imp = fs::path(kb_dir) / "imported";
  if (fs::is_directory(imp, ec))
    for (const auto& de : fs::directory_iterator(imp, ec))
      if (de.path().extension() == ".tsv") imported.push_back(de.path());
  std::sort(imported.begin(), imported.end());
  for (const auto& p : imported) {
    std::string name = p.filename().string();
    const FileSpec* spec = nullptr;
    for (const auto& s : specs()) {
      std::string suffix = std::string(s.stem) + ".tsv";
      if (name == suffix || (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
                             name[name.size() - suffix.size() - 1] == '_')) {
        if (!spec || std::string(s.stem).size() > std::string(spec->stem).size()) spec = &s;
      }
    }
    if (!spec) {
      report.diagnostics.push_back({Severity::kWarning, Code::kKbSchema, display(p), 0, 0,
                                    "imported file name must end in _<type>.tsv (countries, places, agents, people, "
                                    "roles, organizations, alliances, alliance_members): skipped"});
      continue;
    }
    b.load_file(p.string(), display(p), *spec, /*curated=*/false);
  }
  for (const auto& s : specs()) {
    fs::path p = fs::path(kb_dir) / (std::string(s.stem) + ".tsv");
    if (fs::exists(p, ec)) b.load_file(p.string(), display(p), s, /*curated=*/true);
  }
  b.finish();
}

}  // namespace casus::kb
