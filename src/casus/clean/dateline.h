// Datelines: the place (and often the wire service) that opens the first paragraph of a news report:
//   "TEHERAN – ...", "GAZA CITY (Reuters) - ...", "KYIV, Ukraine (AP) — ...", "BEIRUT, Nov 16 (Reuters) - ...",
//   "WASHINGTON (Gulf Wire / Levant Observer - 31st October, 2022) ...", "Cape Town - ...",
//   and the header-line form "Brussels, March 3, 2022".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "casus/util/date.h"

namespace casus::clean {

struct Dateline {
  std::string place;        // as normally written: "Tehran", "Gaza City", "Deir al-Balah"; "" when only an outlet
  std::string outlet;       // the wire service or outlet in parentheses ("Reuters", "AP"), "" when none
  int month_day = 0;        // "Nov 16" → 1116; 0 when the dateline has no date
  std::optional<Date> date; // a full date inside the dateline ("31st October, 2022")
  size_t length = 0;        // bytes of the line taken by the dateline, through the dash and following space
};

// Parses a dateline at the start of `line`. Upper-case places need a dash, colon or parenthesised outlet after
// them; title-case places ("Cape Town - ") need a spaced dash followed by a capital, and a long line after it,
// so that headlines like "Hezbollah - Israel clashes" are not taken for datelines.
std::optional<Dateline> parse_dateline(std::string_view line);

// "GAZA CITY" → "Gaza City", "DEIR AL-BALAH" → "Deir al-Balah", "TEHERAN" → "Tehran", "KIEV" → "Kyiv".
std::string normalize_place(std::string_view place);

}  // namespace casus::clean
