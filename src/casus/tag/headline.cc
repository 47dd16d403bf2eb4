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

bool is_all_caps_word(std::string_view form) {
  if (form.size() < 2) return false;
  for (char c : form)
    if (!is_upper(c)) return false;
  return true;
}

namespace {
// Of the sentence's words of four or more letters (from `from` on), do at least three and 80% pass `test`?
template <typename Test>
bool mostly(std::span<const std::string_view> forms, size_t from, Test test) {
  constexpr size_t kMaxTokens = 30;
  if (forms.size() > kMaxTokens) return false;
  size_t words = 0, passing = 0;
  for (size_t i = from; i < forms.size(); ++i) {
    const std::string_view f = forms[i];
    if (f.size() < 4) continue;
    bool letters = true;
    for (char c : f) letters &= is_lower(c) || is_upper(c);
    if (!letters) continue;
    ++words;
    passing += test(f);
  }
  return passing >= 3 && passing * 5 >= words * 4;
}
}  // namespace

bool is_title_case(std::span<const std::string_view> forms) {
  return mostly(forms, 1, [](std::string_view f) { return is_upper(f[0]); });
}

bool is_all_caps(std::span<const std::string_view> forms) { return mostly(forms, 0, is_all_caps_word); }

}  // namespace casus::tag
