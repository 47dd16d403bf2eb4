// The cleaner: turns a reader's text into the text the rest of the pipeline sees (every offset in casus output
// refers to the cleaned text), and fills metadata the text itself carries.
//
//   1. whitespace: lines trimmed, runs of spaces/tabs/no-break spaces folded to one space, blank-line
//      paragraphs kept, a "date YYYY-MM-DD" page-store marker at the very start removed;
//   2. boilerplate lines dropped (see boilerplate.h) and embedded photo credits cut out of captions;
//   3. dateline: the first paragraph lines are checked for "TEHERAN –", "GAZA CITY (Reuters) -" ...;
//      meta.dateline gets the place, and the outlet in parentheses fills meta.source when that is empty.
//      The dateline stays in the text (it is part of the first sentence as published; offsets stay simple);
//   4. publication date, only when meta.published is empty: header-like evidence near the top or bottom
//      ("date 2023-11-16", "Published: 11:34, 15 November 2023", a line that is only a date, a dateline date,
//      "Thursday ( 11/16/2023)") or the URL path (/2023/11/16/). Dates inside story sentences are never used:
//      "the attack on October 7, 2023" says when something happened, not when it was written.
//   5. meta.title from a headline-like first line when the reader found none; meta.source from the URL host as a
//      last resort.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "casus/clean/boilerplate.h"
#include "casus/clean/dateline.h"
#include "casus/doc/document.h"
#include "casus/util/status.h"

namespace casus::clean {

struct CleanOptions {
  bool drop_boilerplate = true;
  bool find_dateline = true;
  bool find_published = true;
};

struct CleanReport {
  uint32_t lines_in = 0;
  uint32_t lines_dropped = 0;
  uint32_t credits_cut = 0;     // lines that lost an embedded photo credit
  std::string published_from;   // the evidence the publication date came from ("Published: 11:34, 15 ...")
  std::vector<std::pair<LineKind, std::string>> dropped;  // what was removed and why (for --explain and tests)
};

// Cleans doc.text in place and fills doc.meta (dateline, published + published_source, title, source) where
// empty. Fails with kEmptyInput when nothing but boilerplate is left.
Status clean(doc::Document& doc, const CleanOptions& options = {}, CleanReport* report = nullptr);

struct PublishedGuess {
  Date date;
  std::string source;    // "text" or "url"
  std::string evidence;  // the line or URL it came from
};

// The publication date the text (or URL) states, under the rules of step 4. `text` is reader output.
std::optional<PublishedGuess> find_published(std::string_view text, std::string_view url);

}  // namespace casus::clean
