#include "casus/lexicon/tsv.h"

namespace casus::lexicon {

namespace {
std::string join(const std::vector<std::string_view>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += "<TAB>";
    out += v[i];
  }
  return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}
}  // namespace

Result<TsvTable> parse_tsv(std::string path, std::string text, const std::vector<std::string_view>& columns,
                           int min_version, int max_version) {
  TsvTable table;
  table.path = std::move(path);
  std::string_view all = text;
  const std::string& p = table.path;
  bool header_seen = false;
  int line_no = 0;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    std::string_view line = all.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? all.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      constexpr std::string_view kPrefix = "#schema_version=";
      if (line.substr(0, kPrefix.size()) != kPrefix)
        return Status(Code::kKbSchema, p + ":1: expected \"#schema_version=N\" as the first line");
      std::string_view num = line.substr(kPrefix.size());
      int v = 0;
      for (char c : num) {
        if (c < '0' || c > '9') return Status(Code::kKbSchema, p + ":1: schema_version is not a number");
        v = v * 10 + (c - '0');
      }
      if (num.empty() || v < min_version || v > max_version)
        return Status(Code::kKbSchema, p + ":1: schema_version " + std::string(num) + " is not supported (this casus reads " +
                                           std::to_string(min_version) + ".." + std::to_string(max_version) + ")");
      table.schema_version = v;
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    bool blank = true;
    for (char c : line)
      if (c != ' ' && c != '\t') blank = false;
    if (blank) continue;
    auto cells = split_tabs(line);
    if (!header_seen) {
      if (cells != columns)
        return Status(Code::kKbSchema, p + ":" + std::to_string(line_no) + ": header is \"" + join(cells) +
                                           "\", expected \"" + join(columns) + "\"");
      header_seen = true;
      continue;
    }
    if (cells.size() != columns.size())
      return Status(Code::kKbSchema, p + ":" + std::to_string(line_no) + ": " + std::to_string(cells.size()) +
                                         " cells, expected " + std::to_string(columns.size()) + " (" + join(columns) + ")");
    TsvRow row;
    row.line = line_no;
    for (auto c : cells) {
      while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
      while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
      row.cells.emplace_back(c == "-" ? std::string_view() : c);
    }
    table.rows.push_back(std::move(row));
  }
  if (!header_seen && line_no > 0) return Status(Code::kKbSchema, p + ": no header line");
  if (line_no == 0) return Status(Code::kKbSchema, p + ": empty file");
  return table;
}

}  // namespace casus::lexicon
