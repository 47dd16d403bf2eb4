// Dates as machines write them in metadata: ISO 8601 ("2023-11-16", "2023-11-16T09:30:00+02:00"), "2023/11/16",
// "20231116", RFC 2822 ("Thu, 16 Nov 2023 09:30:00 GMT") and the plain English forms CMSs put in meta tags
// ("November 16, 2023", "16 November 2023"). Free text is the cleaner's job (casus::clean::find_published).
#pragma once

#include <optional>
#include <string_view>

#include "casus/util/date.h"

namespace casus::read {

// The calendar date as written (no time-zone shift: the local date of the publisher is the one readers saw).
// Returns nullopt for anything else, including out-of-range dates; "2023-11" gives a month-precision date.
std::optional<Date> parse_meta_date(std::string_view s);

}  // namespace casus::read
