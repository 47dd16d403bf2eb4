// Every document of the demo corpus in samples/ reads, cleans, gets a publication date and a dateline.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "casus/clean/clean.h"
#include "casus/read/input_source.h"

namespace casus {
namespace {

TEST(Samples, EveryDemoDocumentReadsWithDateAndDateline) {
  const std::map<std::string, std::string> kDateline = {
      {"gaza-truce-hostage-deal-2023-11-22.txt", "Doha"},
      {"georgia-foreign-agents-protest-2024-05-14.txt", "Tbilisi"},
      {"hezbollah-israel-border-2023-11-05.txt", "Beirut"},
      {"iran-attack-on-israel-2024-04-14.txt", "Jerusalem"},
      {"iraq-militias-us-forces-2023-10-27.txt", "Washington"},
      {"israel-hostage-protests-strike-2024-09-02.txt", "Tel Aviv"},
      {"https://northline.example/news/nato-summit-ukraine-irreversible-path", "Washington"},
      {"https://gulfwire.example/world/2023/12/19/red-sea-naval-task-force/", "Manama"},
      {"sudan-el-fasher-un-resolution-2024-06-14.txt", "Port Sudan"},
      {"sudan-jeddah-declaration-2023-05-12.txt", "Jeddah"},
      {"ukraine-kyiv-hospital-strike-2024-07-08.txt", "Kyiv"},
      {"us-uk-strikes-yemen-2024-01-12.txt", "Sanaa"},
      {"brief-tower22-2024-01-29", "Amman"},
      {"brief-iran-sanctions-2024-04-18", "Washington"},
      {"brief-ukraine-mobilisation-2024-04-03", "Kyiv"},
      {"brief-zamzam-famine-2024-08-01", "Nairobi"},
      {"brief-beirut-strike-2024-07-30", "Beirut"},
  };
  auto src = read::InputSource::open({std::string(CASUS_SOURCE_DIR) + "/samples"});
  ASSERT_TRUE(src.is_ok());
  read::Item item;
  std::set<std::string> seen;
  while (src->next(item)) {
    ASSERT_EQ(item.kind, read::Item::Kind::kDocument) << item.name << ": " << item.status.to_string();
    doc::Document& d = item.document;
    ASSERT_TRUE(clean::clean(d).is_ok()) << d.meta.id;
    seen.insert(d.meta.id);
    auto it = kDateline.find(d.meta.id);
    ASSERT_NE(it, kDateline.end()) << "unexpected document " << d.meta.id;
    EXPECT_EQ(d.meta.dateline, it->second) << d.meta.id;
    ASSERT_TRUE(d.meta.published.has_value()) << d.meta.id;
    EXPECT_EQ(d.meta.published->precision, DatePrecision::kDay) << d.meta.id;
    // Each file name (or JSON Lines id) carries the publication date its text states.
    const std::string iso = d.meta.published->iso();
    if (d.meta.path.size() > 4 && d.meta.path.substr(d.meta.path.size() - 4) == ".txt") {
      EXPECT_NE(d.meta.path.find(iso), std::string::npos) << d.meta.path << " published " << iso;
    }
    if (d.meta.id.rfind("brief-", 0) == 0) {
      EXPECT_NE(d.meta.id.find(iso), std::string::npos) << d.meta.id << " " << iso;
    }
    for (const char* noise : {"Read more", "Read also", "loading", "Loading", "Share this", "Advertisement",
                              "Photo:", "Photo/", "Reporting by", "Subscribe", "Copyright", "\xC2\xA9"})
      EXPECT_EQ(d.text.find(noise), std::string::npos) << d.meta.id << " still has " << noise;
  }
  EXPECT_EQ(seen.size(), kDateline.size());
}

}  // namespace
}  // namespace casus
