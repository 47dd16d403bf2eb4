// Small text helpers shared by the analysis exporters (CSV, SVG, GraphML, GEXF, tables).
#pragma once

#include <string>
#include <string_view>

namespace casus::analysis {

std::string xml_escape(std::string_view s);
// Fixed 3 decimals with trailing zeros removed: 2.5, -1, 0.333.
std::string fmt_number(double v);

}  // namespace casus::analysis
