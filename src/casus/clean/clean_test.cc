#include "casus/clean/clean.h"

#include <gtest/gtest.h>

namespace casus::clean {
namespace {

doc::Document make(std::string text, std::string url = "") {
  doc::Document d;
  d.text = std::move(text);
  d.meta.url = std::move(url);
  return d;
}

// A report written for this test with the noise of a rewritten wire story: spinner text, a caption with a
// credit, a dateline with a transliterated place, and the reporting date inside a relayed quote.
constexpr const char* kWireRewrite =
    "loading\xE2\x80\xA6\n"
    "\n"
    "Iraqi militia leaders met in Baghdad late last month. Photo/Gulf Wire\n"
    "\n"
    "TEHERAN \xE2\x80\x93 Two officials said Iran asked allied militias to avoid a direct clash with U.S. forces.\n"
    "\n"
    "\xE2\x80\x9CWe were told to wait,\xE2\x80\x9D a militia commander told Gulf Wire as quoted by a local radio "
    "station, Thursday ( 11/16/2023).\n"
    "\n"
    "The attack on October 7, 2023 changed the calculations of every group in the region.\n";

TEST(Clean, WireRewriteWithNoise) {
  doc::Document d = make(kWireRewrite);
  CleanReport rep;
  ASSERT_TRUE(clean(d, {}, &rep).is_ok());
  ASSERT_TRUE(d.meta.published.has_value());
  EXPECT_EQ(d.meta.published->iso(), "2023-11-16");
  EXPECT_EQ(d.meta.published_source, "text");
  EXPECT_EQ(d.meta.dateline, "Tehran");
  EXPECT_EQ(d.text.find("loading"), std::string::npos);
  EXPECT_EQ(d.text.find("Photo/"), std::string::npos);
  EXPECT_EQ(d.text.rfind("Iraqi militia leaders met in Baghdad late last month.\n\nTEHERAN", 0), 0u) << d.text;
  EXPECT_EQ(rep.lines_dropped, 1u);
  EXPECT_EQ(rep.credits_cut, 1u);
}

TEST(Clean, DateInsideStorySentenceIsNotThePublicationDate) {
  doc::Document d = make("KABUL - Officials said the blast near the airport gate on August 26, 2021 left dozens dead.");
  ASSERT_TRUE(clean(d).is_ok());
  EXPECT_FALSE(d.meta.published.has_value());
  EXPECT_EQ(d.meta.dateline, "Kabul");
}

TEST(Clean, HeaderLinesGiveTheDateAndAreRemoved) {
  doc::Document d = make(
      "Fuel queues grow as Colombo rations petrol\n"
      "Published: 14 Mar 2023 09:12 AM IST\n"
      "Updated: 14 Mar 2023 10:40 AM IST\n"
      "\n"
      "COLOMBO (Horn Herald) - Drivers waited overnight at filling stations on Tuesday as the government cut the "
      "weekly petrol allowance again.\n");
  ASSERT_TRUE(clean(d).is_ok());
  EXPECT_EQ(d.meta.published->iso(), "2023-03-14");
  EXPECT_EQ(d.meta.dateline, "Colombo");
  EXPECT_EQ(d.meta.source, "Horn Herald");
  // The first sentence starts where the dateline ends, in the cleaned text.
  EXPECT_EQ(d.text.substr(d.meta.dateline_end, 7), "Drivers");
  EXPECT_EQ(d.meta.title, "Fuel queues grow as Colombo rations petrol");
  EXPECT_EQ(d.text,
            "Fuel queues grow as Colombo rations petrol\n\nCOLOMBO (Horn Herald) - Drivers waited overnight at filling "
            "stations on Tuesday as the government cut the weekly petrol allowance again.");
}

TEST(Clean, MarkerThenUrlForTheDay) {
  doc::Document d = make("date 2019-01 Thousands marched in Caracas as the opposition challenged the government.",
                         "https://news.example/ct-caracas-march-20190123-story.html");
  ASSERT_TRUE(clean(d).is_ok());
  EXPECT_EQ(d.meta.published->iso(), "2019-01-23");
  EXPECT_EQ(d.meta.published_source, "url");
  EXPECT_EQ(d.text, "Thousands marched in Caracas as the opposition challenged the government.");
  EXPECT_EQ(d.meta.source, "news.example");
}

TEST(Clean, InputDateIsNeverOverridden) {
  doc::Document d = make("Published: 1 January 2020\n\nText of the story goes here.");
  d.meta.published = Date::ymd(2021, 5, 5);
  d.meta.published_source = "input";
  ASSERT_TRUE(clean(d).is_ok());
  EXPECT_EQ(d.meta.published->iso(), "2021-05-05");
  EXPECT_EQ(d.meta.published_source, "input");
}

TEST(Clean, TitleFromHeadlineParagraph) {
  doc::Document d = make("Houthis claim attack on tanker\n\nBy Jane Roe\n\nADEN, Yemen - The group said it fired two "
                         "missiles at the vessel in the Gulf of Aden.");
  ASSERT_TRUE(clean(d).is_ok());
  EXPECT_EQ(d.meta.title, "Houthis claim attack on tanker");
  EXPECT_EQ(d.meta.dateline, "Aden");
}

TEST(Clean, WireDatelineYearFromCopyright) {
  doc::Document d = make("DOHA, Nov 22 (Gulf Wire) - Qatar said the two sides had agreed to a four-day pause.\n\n"
                         "Copyright Gulf Wire 2023");
  ASSERT_TRUE(clean(d).is_ok());
  ASSERT_TRUE(d.meta.published);
  EXPECT_EQ(d.meta.published->iso(), "2023-11-22");
  EXPECT_EQ(d.text.find("Copyright"), std::string::npos);
}

TEST(Clean, OnlyBoilerplateIsEmpty) {
  doc::Document d = make("Loading...\n\nShare this article\nAdvertisement\n");
  EXPECT_EQ(clean(d).code(), Code::kEmptyInput);
}

TEST(Clean, WhitespaceIsFolded) {
  doc::Document d = make("  Talks \t resumed\xC2\xA0\xC2\xA0in   Cairo.  \n\n\n\nA second   paragraph.\n");
  ASSERT_TRUE(clean(d).is_ok());
  EXPECT_EQ(d.text, "Talks resumed in Cairo.\n\nA second paragraph.");
}

TEST(Clean, FindPublishedStandalone) {
  auto g = find_published("Some story text only.", "https://x.example/2024/01/12/yemen-strikes/");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2024-01-12");
  EXPECT_EQ(g->source, "url");
  EXPECT_FALSE(find_published("Nothing dated here, not even October 7, 2023 in a sentence.", ""));
}

TEST(Clean, HostileTextDoesNotCrash) {
  std::string s;
  for (int i = 0; i < 2000; ++i) s += "(Photo/ (( [[ \xE2\x80\x94 BY 12/12/2023 \xC2\xA9 ";
  s += std::string(100000, 'A');
  s += "\n\n\n" + std::string(50000, '\n') + "date 2023-";
  doc::Document d = make(s);
  (void)clean(d);
  SUCCEED();
}

}  // namespace
}  // namespace casus::clean
