// Small helpers around nlohmann::json shared by the JSON Lines reader and the HTML JSON-LD reader.
#pragma once

#include <cstddef>
#include <string_view>

namespace casus::read {

// Deepest array/object nesting in a JSON text (strings skipped), stopping early once `limit` is exceeded.
// Used to refuse pathological nesting before handing text to a parser.
size_t json_nesting_depth(std::string_view json, size_t limit);

}  // namespace casus::read
