// The lexicon's table format: UTF-8 text, one record per line, fields separated by TAB.
//   line 1:      "#schema_version=1"
//   first other non-comment line: the header (column names, TAB-separated), checked against the expected list
//   "#..." lines are comments, blank lines are ignored, "-" is an empty cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "casus/util/status.h"

namespace casus::lexicon {

struct TsvRow {
  int line = 0;                       // 1-based line number in the file
  std::vector<std::string> cells;  // "-" already mapped to ""
};

struct TsvTable {
  std::string path;
  int schema_version = 0;
  std::vector<TsvRow> rows;
};

// Parses `text` (the content of `path`). Fails (kKbSchema, "path:line: ...") on a missing or unsupported
// schema_version line, a header that differs from `columns`, or a row with the wrong number of cells.
Result<TsvTable> parse_tsv(std::string path, std::string text, const std::vector<std::string_view>& columns,
                           int min_version, int max_version);

}  // namespace casus::lexicon
