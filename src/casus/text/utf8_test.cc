#include "casus/text/utf8.h"

#include <gtest/gtest.h>

namespace casus::text {

TEST(Utf8, DecodesAndFlagsInvalidSequences) {
  std::string s = "a\xE2\x80\x99" "b";  // a’b
  size_t pos = 1;
  EXPECT_EQ(decode_at(s, pos), char32_t(0x2019));
  EXPECT_EQ(pos, 4u);
  EXPECT_EQ(find_invalid_utf8(s), std::string::npos);
  EXPECT_EQ(find_invalid_utf8("ok\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);       // surrogate
  EXPECT_EQ(find_invalid_utf8("trunc\xE2\x80"), 5u);       // truncated
  EXPECT_EQ(find_invalid_utf8("\xEF\xBF\xBD"), std::string::npos);  // a real U+FFFD is valid
  EXPECT_EQ(count_code_points("Iran’s"), 6u);
}

TEST(Utf8, ClassesCoverTypography) {
  EXPECT_TRUE(is_dash(U'–'));
  EXPECT_TRUE(is_dash(U'—'));
  EXPECT_TRUE(is_quote(U'“'));
  EXPECT_TRUE(is_quote(U'«'));
  EXPECT_TRUE(is_apostrophe(U'’'));
  EXPECT_TRUE(is_space(0xA0));
  EXPECT_TRUE(is_letter(U'é'));
  EXPECT_TRUE(is_upper(U'É'));
  EXPECT_TRUE(is_emoji_like(0x1F600));
  EXPECT_EQ(lower("TEHERAN Écoles"), "teheran écoles");
}

}  // namespace casus::text
