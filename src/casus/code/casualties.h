// Casualty figures stated in a sentence: "killed 1,200 Israelis", "at least 13 people were killed",
// "the death toll rose to 45", "wounding 30". "At least/about/more than N" all give N (event-data convention).
#pragma once

#include <cstdint>
#include <optional>

#include "casus/doc/document.h"

namespace casus::code {

struct Casualties {
  std::optional<int64_t> killed;
  std::optional<int64_t> injured;
  doc::TokenIdx killed_token = 0;   // the number token of the killed figure
  doc::TokenIdx injured_token = 0;
};

// Parses "1,200", "13", "three", "1.2 million", "a dozen". nullopt for vague quantities ("dozens", "scores").
std::optional<int64_t> parse_count(std::string_view lower_word, std::string_view next_lower_word = {});

Casualties find_casualties(const doc::Document& doc, size_t sentence);

}  // namespace casus::code
