#include "casus/clean/dateline.h"

#include <gtest/gtest.h>

namespace casus::clean {
namespace {

struct Case {
  const char* line;
  const char* place;
  const char* outlet;
};

TEST(Dateline, CommonForms) {
  const Case cases[] = {
      {"TEHERAN \xE2\x80\x93 Three senior officials said the two leaders met in early November.", "Tehran", ""},
      {"GAZA CITY (Reuters) - Israeli tanks pushed deeper into the north of the enclave on Thursday.", "Gaza City", "Reuters"},
      {"KYIV, Ukraine (AP) \xE2\x80\x94 Russia launched a wave of drones at the capital overnight.", "Kyiv", "AP"},
      {"BEIRUT, Nov 16 (Reuters) - Hezbollah said it fired rockets at Israeli positions.", "Beirut", "Reuters"},
      {"DEIR AL-BALAH, Gaza Strip \xE2\x80\x94 Families sheltered in tents along the coast road.", "Deir al-Balah", ""},
      {"DAR ES SALAAM - Tanzania's president met the visiting envoy on Monday morning.", "Dar es Salaam", ""},
      {"HONG KONG (BLOOMBERG) - Shares in the city fell sharply after the central bank announcement.", "Hong Kong", "Bloomberg"},
      {"Cape Town - Officials said on Monday that the water restrictions would stay in place until the winter rains arrive.", "Cape Town", ""},
      {"KIEV: Ukrainian officials said the talks would resume next week in Istanbul.", "Kyiv", ""},
      {"SANA'A, Yemen (Levant Observer) \xE2\x80\x94 The rebels said they fired missiles at a ship.", "Sana'a", "Levant Observer"},
      {"Brussels, March 3, 2022", "Brussels", ""},
  };
  for (const Case& c : cases) {
    auto dl = parse_dateline(c.line);
    ASSERT_TRUE(dl.has_value()) << c.line;
    EXPECT_EQ(dl->place, c.place) << c.line;
    EXPECT_EQ(dl->outlet, c.outlet) << c.line;
  }
}

TEST(Dateline, DatesInsideDatelines) {
  auto a = parse_dateline("BEIRUT, Nov 16 (Reuters) - Text follows here for sure.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->month_day, 1116);
  auto b = parse_dateline("ANKARA (Gulf Wire / Levant Observer - 12th March, 2024) Turkish officials said the talks had ended early.");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->place, "Ankara");
  EXPECT_EQ(b->outlet, "Gulf Wire / Levant Observer");
  ASSERT_TRUE(b->date);
  EXPECT_EQ(b->date->iso(), "2024-03-12");
}

TEST(Dateline, OutletOnly) {
  auto dl = parse_dateline("REUTERS - The central bank raised rates by half a point on Thursday.");
  ASSERT_TRUE(dl);
  EXPECT_EQ(dl->place, "");
  EXPECT_EQ(dl->outlet, "Reuters");  // capitals folded, as for places
}

TEST(Dateline, WireNameGluedToTheSentence) {
  // Aggregators glue the wire name to the first word: "AGENCY-The …". The place field then holds the name (an
  // unknown place; the KB decides), and the sentence starts after the dash.
  auto dl = parse_dateline("PRESSWIRE-The ministers have agreed to extend the grain deal for four more months.");
  ASSERT_TRUE(dl);
  EXPECT_EQ(std::string_view("PRESSWIRE-The ministers have agreed").substr(dl->length, 3), "The");
  // Capitals joined by a dash to capitals, or to a title-case word that opens no sentence, stay words.
  EXPECT_FALSE(parse_dateline("US-CHINA talks resume in Geneva after a long pause on Monday.").has_value());
  EXPECT_FALSE(parse_dateline("ISIS-Linked militants attack a checkpoint near the border town.").has_value());
}

TEST(Dateline, NotDatelines) {
  for (const char* line : {
           "Hezbollah - Israel clashes intensify",                       // headline, not a paragraph
           "Iran \xE2\x80\x93 a long-time supporter of Hamas \xE2\x80\x93 would continue to provide support.",
           "BREAKING - Explosions heard in the capital tonight after the announcement.",
           "The army said on Tuesday that its forces had pushed into the city.",
           "UPDATE 2-Israeli strikes hit southern Lebanon as clashes continue along border",
           "US President Joe Biden said the United States would respond to the attack.",
           "NATO",
       }) {
    EXPECT_FALSE(parse_dateline(line).has_value()) << line;
  }
}

TEST(Dateline, PlaceNormalisation) {
  EXPECT_EQ(normalize_place("TEHERAN"), "Tehran");
  EXPECT_EQ(normalize_place("PORT-AU-PRINCE"), "Port-au-Prince");
  EXPECT_EQ(normalize_place("RIO DE JANEIRO"), "Rio de Janeiro");
  EXPECT_EQ(normalize_place("EL FASHER"), "El Fasher");
  EXPECT_EQ(normalize_place("UNITED NATIONS"), "United Nations");
}

}  // namespace
}  // namespace casus::clean
