#include "casus/tag/headline.h"

namespace casus::tag {

namespace {
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
}  // namespace

bool is_capitalized_word(std::string_view form) {
  if (form.size() < 2 || !is_upper(form[0])) return false;
  for (size_t i = 1; i < form.size(); ++i)
    if (!is_lower(form[i])) return false;
  return true;
}

bool is_title_case(std::span<const std::string_view> forms) {
  constexpr size_t kMaxTokens = 30;
  if (forms.size() > kMaxTokens) return false;
  size_t words = 0, capitalized = 0;
  for (size_t i = 1; i < forms.size(); ++i) {
    const std::string_view f = forms[i];
    if (f.size() < 4) continue;
    bool letters = true;
    for (char c : f) letters &= is_lower(c) || is_upper(c);
    if (!letters) continue;
    ++words;
    capitalized += is_upper(f[0]);
  }
  return capitalized >= 3 && capitalized * 5 >= words * 4;
}

}  // namespace casus::tag
