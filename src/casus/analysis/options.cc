#include "casus/analysis/options.h"

#include <charconv>

#include "casus/analysis/fronts.h"
#include "casus/util/date.h"

namespace casus::analysis {

Result<int> parse_duration_days(std::string_view s) {
  int n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  std::string_view unit(p, static_cast<size_t>(s.data() + s.size() - p));
  int mult = unit.empty() || unit == "d" ? 1 : unit == "w" ? 7 : unit == "m" ? 30 : unit == "y" ? 365 : 0;
  if (ec != std::errc() || mult == 0 || n <= 0 || n > 100000)
    return Status(Code::kUsage, "bad duration \"" + std::string(s) + "\" (expected e.g. 30d, 4w, 2m, 1y)");
  return n * mult;
}

Result<int64_t> parse_day_bound(std::string_view s, bool end) {
  auto d = Date::parse(s);
  if (!d || !d->valid()) return Status(Code::kUsage, "bad date \"" + std::string(s) + "\" (expected YYYY-MM-DD)");
  return end ? d->last_day() : d->first_day();
}

Result<std::vector<doc::Plover>> parse_categories(std::string_view s) {
  std::vector<doc::Plover> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of(", ", i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view name = s.substr(i, j - i);
    i = j + 1;
    if (name.empty()) continue;
    if (name == "material" || name == "MATERIAL") {
      for (auto p : default_conflict_categories()) out.push_back(p);
      continue;
    }
    auto p = doc::plover_from_name(name);
    if (!p || *p == doc::Plover::kNone)
      return Status(Code::kUsage, "unknown PLOVER category \"" + std::string(name) +
                                      "\" (AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                                      "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT, or material)");
    out.push_back(*p);
  }
  return out;
}

}  // namespace casus::analysis
