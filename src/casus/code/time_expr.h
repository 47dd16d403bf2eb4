// Temporal expressions in news sentences, resolved against the publication date.
//
// Works on segmented tokens only (no tags needed), so it also runs before the parser. Each expression becomes a
// day-precision interval (or a single month/year when that is all the text says), following the conventions of
// event data: "last month" → the previous calendar month, "early November" → the 1st–10th, weekdays → the most
// recent such day on or before publication (the next one for future reference), a bare year → that year.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/doc/document.h"
#include "casus/util/date.h"

namespace casus::code {

enum class TimeKind : uint8_t {
  kPoint,     // a day, month or year ("October 7", "last month", "2006")
  kRange,     // an explicit or vague span ("early November", "last week", "in recent weeks")
  kSince,     // "since 2015": from then until publication
  kDuration,  // "for nearly 20 years": a span ending at publication
};

struct TimeExpression {
  doc::TokenIdx first = 0, last = 0;  // token range [first, last)
  TimeKind kind = TimeKind::kPoint;
  DateInterval when;                  // resolved
  bool relative = false;              // depended on the publication date ("yesterday", "last month")
  std::string text;                   // surface text
  // ISO form for output: a single date at its precision, or "begin/end" at day precision.
  std::string iso() const;
};

struct TimeOptions {
  bool future = false;  // the clause refers to the future: bare weekdays/dates resolve forward
};

// Finds and resolves the temporal expressions of one sentence (non-overlapping, in text order).
// Without a publication date only absolute expressions ("October 7, 2023", "2006") are resolved.
std::vector<TimeExpression> find_time_expressions(const doc::Document& doc, size_t sentence,
                                                  const std::optional<Date>& published, TimeOptions options = {});

}  // namespace casus::code
