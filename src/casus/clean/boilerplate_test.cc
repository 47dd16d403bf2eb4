#include "casus/clean/boilerplate.h"

#include <gtest/gtest.h>

namespace casus::clean {
namespace {

TEST(Boilerplate, DropsFurniture) {
  const std::pair<const char*, LineKind> cases[] = {
      {"loading\xE2\x80\xA6", LineKind::kLoading},
      {"Loading...", LineKind::kLoading},
      {"Photo: Ahmad Nasser/Gulf Wire", LineKind::kPhotoCredit},
      {"(AP Photo/Jane Roe)", LineKind::kPhotoCredit},
      {"Image caption, Smoke over the port", LineKind::kPhotoCredit},
      {"Read more: Thousands flee border villages", LineKind::kTeaser},
      {"READ MORE", LineKind::kTeaser},
      {"Read also", LineKind::kTeaser},
      {"Share this article", LineKind::kSocial},
      {"Share", LineKind::kSocial},
      {"Follow us on X for the latest updates", LineKind::kSocial},
      {"Subscribe to our newsletter", LineKind::kSocial},
      {"Click here to follow our live coverage", LineKind::kSocial},
      {"Advertisement", LineKind::kAdvert},
      {"By John Smith", LineKind::kByline},
      {"By JANE DOE and JOHN ROE", LineKind::kByline},
      {"By Claire Dubois and Tomasz Nowak | July 10, 2024", LineKind::kByline},
      {"by The Harbor Tribune Staff", LineKind::kByline},
      {"Associated Press", LineKind::kByline},
      {"Horn Herald staff", LineKind::kByline},
      {"Reporting by Rania Haddad; Editing by Tom Marsh", LineKind::kCredits},
      {"(Reporting by the Washington bureau)", LineKind::kCredits},
      {"\xC2\xA9 2024 Levant Observer", LineKind::kCopyright},
      {"Copyright 2023 Northline Press. All rights reserved.", LineKind::kCopyright},
      {"21 407", LineKind::kCounter},
      {"* * *", LineKind::kCounter},
      {"11/23/2009", LineKind::kDateOnly},
      {"mkhanBy 12 views", LineKind::kCounter},
      {"3 min read", LineKind::kCounter},
      {"Published: 11:34, 15 November 2023", LineKind::kDateOnly},
      {"Wednesday, June 13, 2018", LineKind::kDateOnly},
      {"March 3, 2022 | 9:41 AM", LineKind::kDateOnly},
      {"\xE2\x80\xA2 Categories: Regional Security News", LineKind::kNavigation},
      {"Skip to main content", LineKind::kNavigation},
      {"WORLD", LineKind::kNavigation},
  };
  for (const auto& [line, kind] : cases) EXPECT_EQ(classify_line(line), kind) << line;
}

TEST(Boilerplate, KeepsStorySentences) {
  for (const char* line : {
           "By Tuesday evening, the army said it had taken control of the airport.",
           "Subscribers to the channel shared a video of the explosion, the police said.",
           "The photo showed the two leaders shaking hands in Tehran.",
           "Loading of aid trucks at the Rafah crossing resumed on Sunday, officials said.",
           "Share prices in Tel Aviv fell 2% after the announcement.",
           "Advertisements for the rally appeared on state television on Monday.",
           "The ceasefire took effect on November 24, 2023, after weeks of talks in Doha.",
           "Hezbollah fires rockets at Kiryat Shmona after deadly strike",
           "Follow-up talks are planned in Cairo next week, a diplomat said.",
           "\"",
       }) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

TEST(Boilerplate, StripsEmbeddedCredits) {
  EXPECT_EQ(strip_photo_credits("Leaders met in Tehran in early November. Photo/Middle East Monitor"),
            "Leaders met in Tehran in early November.");
  EXPECT_EQ(strip_photo_credits("Smoke rises over Khan Younis. Photo: Hani Saeed/Gulf Wire"), "Smoke rises over Khan Younis.");
  EXPECT_EQ(strip_photo_credits("A man walks past rubble. (AP Photo/Jane Roe) More text."),
            "A man walks past rubble. More text.");
  EXPECT_EQ(strip_photo_credits("Residents queue for fuel in Colombo, Sri Lanka July 10, 2022. REUTERS/Jane Roe"),
            "Residents queue for fuel in Colombo, Sri Lanka July 10, 2022.");
  EXPECT_EQ(strip_photo_credits("Troops patrol the border. Ahmad Gharabli/AFP via Getty Images"), "Troops patrol the border.");
  EXPECT_EQ(strip_photo_credits("Envoy speaks in Pretoria. [Source: Gulf Wire]"), "Envoy speaks in Pretoria.");
  EXPECT_EQ(strip_photo_credits("\xC2\xA9 Sputnik/ Ivan Petrov Kremlin Comments on Grain Deal Talks"),
            "Kremlin Comments on Grain Deal Talks");
  // Not credits.
  EXPECT_EQ(strip_photo_credits("The minister (AP) said the photo was fake."), "The minister (AP) said the photo was fake.");
  EXPECT_EQ(strip_photo_credits("Israel and Hamas agreed a truce."), "Israel and Hamas agreed a truce.");
}

}  // namespace
}  // namespace casus::clean
