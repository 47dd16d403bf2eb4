#include "casus/tag/headline.h"

#include "casus/tag/common_words.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace casus::tag {
namespace {

std::vector<std::string_view> words(std::initializer_list<std::string_view> w) { return w; }

TEST(Headline, CommonWords) {
  // News words the treebank never saw are known as common words …
  for (std::string_view w : {"concessions", "ratify", "approves", "ceasefire", "militia", "extradition"})
    EXPECT_TRUE(is_common_word(w)) << w;
  // … but not words that are also names, short words, or anything not lower case.
  for (std::string_view w : {"turkey", "chad", "jordan", "iran", "houthis", "war", "Concessions", "", "ratify's"})
    EXPECT_FALSE(is_common_word(w)) << w;
  EXPECT_GT(common_word_count(), 50000u);
}

TEST(Headline, CapitalizedWord) {
  EXPECT_TRUE(is_capitalized_word("Makes"));
  EXPECT_FALSE(is_capitalized_word("EU"));
  EXPECT_FALSE(is_capitalized_word("McDonald"));
  EXPECT_FALSE(is_capitalized_word("makes"));
  EXPECT_FALSE(is_capitalized_word("A"));
}

TEST(Headline, TitleCase) {
  EXPECT_TRUE(is_title_case(words({"Egypt", "Makes", "Concessions", "to", "the", "EU", "Over", "Migrants"})));
  EXPECT_TRUE(is_title_case(words({"Workers", "Will", "End", "Strike", "After", "Government", "Promises", "Raise"})));
  // Sentence case, even dense with names, is prose.
  EXPECT_FALSE(is_title_case(words({"The", "United", "Nations", "Security", "Council", "will", "meet", "on", "Monday",
                                    "to", "discuss", "the", "crisis", "in", "northern", "Ethiopia"})));
  EXPECT_FALSE(is_title_case(words({"Rebels", "free", "hostages"})));
  // Too few long words to tell.
  EXPECT_FALSE(is_title_case(words({"Talks", "End"})));
}

TEST(Headline, AllCaps) {
  EXPECT_TRUE(is_all_caps_word("HOUTHIS"));
  EXPECT_FALSE(is_all_caps_word("Houthis"));
  EXPECT_TRUE(is_all_caps(words({"HOUTHIS", "CLAIM", "DRONE", "ATTACK", "ON", "SAUDI", "OIL", "FACILITY"})));
  // A sentence with a few acronyms is not a line in capitals.
  EXPECT_FALSE(is_all_caps(words({"NATO", "and", "the", "OSCE", "said", "UNICEF", "would", "help", "refugees"})));
}

}  // namespace
}  // namespace casus::tag
