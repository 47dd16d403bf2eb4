// Parsing of the analysis parameters shared by the CLI verbs and the HTTP server: durations, dates, category
// lists. Errors are kUsage statuses that name the bad value and the expected form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/doc/enums.h"
#include "casus/util/status.h"

namespace casus::analysis {

// "30d", "4w", "2m" (30 days each), "1y" (365), or a bare number of days.
Result<int> parse_duration_days(std::string_view s);
// "YYYY-MM-DD" (or YYYY-MM / YYYY: first day when `end` is false, last day when true) → days since 1970.
Result<int64_t> parse_day_bound(std::string_view s, bool end);
// "ASSAULT,COERCE" (any case, also space separated); "material" = the material-conflict set of fronts.h.
Result<std::vector<doc::Plover>> parse_categories(std::string_view s);

}  // namespace casus::analysis
