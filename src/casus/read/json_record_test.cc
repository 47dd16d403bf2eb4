#include "casus/read/json_record.h"

#include <gtest/gtest.h>

#include "casus/util/hash.h"

namespace casus::read {
namespace {

Status parse(std::string_view json, doc::Document& d) { return parse_json_record(json, {}, d); }

TEST(JsonRecord, AllFields) {
  doc::Document d;
  ASSERT_TRUE(parse(R"({"id":"a1","title":"Truce talks","published":"2023-11-22T10:00:00Z","url":"https://x.example/a",
                       "source":"Gulf Wire","text":"DOHA - Talks resumed.\r\nMore."})",
                    d).is_ok());
  // The title opens the text as its headline paragraph (ReadOptions::title_opens_text).
  EXPECT_EQ(d.text, "Truce talks\n\nDOHA - Talks resumed.\nMore.");
  EXPECT_EQ(d.meta.id, "a1");
  EXPECT_EQ(d.meta.title, "Truce talks");
  EXPECT_EQ(d.meta.url, "https://x.example/a");
  EXPECT_EQ(d.meta.source, "Gulf Wire");
  ASSERT_TRUE(d.meta.published);
  EXPECT_EQ(d.meta.published->iso(), "2023-11-22");
  EXPECT_EQ(d.meta.published_source, "input");
  EXPECT_EQ(d.meta.content_hash, fnv1a64("DOHA - Talks resumed.\r\nMore."));
}

TEST(JsonRecord, TitleOpensTextOnce) {
  doc::Document d;
  // A feed that repeats the headline in the body (any letter case) does not get it twice.
  ASSERT_TRUE(parse(R"({"title":"Rebels Free 12 Hostages","text":"  rebels free 12 hostages\n\nThe group said."})", d).is_ok());
  EXPECT_EQ(d.text, "  rebels free 12 hostages\n\nThe group said.");
  // Turned off, the title is metadata only.
  ReadOptions off;
  off.title_opens_text = false;
  doc::Document e;
  ASSERT_TRUE(parse_json_record(R"({"title":"Rebels free hostages","text":"The group said."})", off, e).is_ok());
  EXPECT_EQ(e.text, "The group said.");
  EXPECT_EQ(e.meta.title, "Rebels free hostages");
  // An HTML record's headline is already its first block: the title field is not added again.
  doc::Document h;
  ASSERT_TRUE(parse(R"({"title":"Other words","html":"<html><body><h1>Rebels free hostages</h1><p>The group said so on Monday in a statement.</p></body></html>"})", h).is_ok());
  EXPECT_EQ(h.text.find("Other words"), std::string::npos);
}

TEST(JsonRecord, DateAliasNumericIdAndNulls) {
  doc::Document d;
  ASSERT_TRUE(parse(R"({"id": 42, "date": "2024-04", "title": null, "text": "Sanctions were announced."})", d).is_ok());
  EXPECT_EQ(d.meta.id, "42");
  EXPECT_EQ(d.meta.published->iso(), "2024-04");
  EXPECT_EQ(d.meta.title, "");
}

TEST(JsonRecord, Errors) {
  doc::Document d;
  EXPECT_EQ(parse(R"({"id": "x"})", d).code(), Code::kMissingField);
  EXPECT_EQ(parse(R"({"text": "a", )", d).code(), Code::kBadJson);
  EXPECT_EQ(parse(R"(["text"])", d).code(), Code::kBadJson);
  EXPECT_EQ(parse(R"({"text": 12})", d).code(), Code::kBadJson);
  EXPECT_EQ(parse(R"({"text": "a", "published": "last Tuesday"})", d).code(), Code::kBadDate);
  EXPECT_EQ(parse(R"({"text": "   "})", d).code(), Code::kEmptyInput);
  EXPECT_EQ(parse(std::string(100000, '[') + std::string(100000, ']'), d).code(), Code::kBadJson);
  const Status st = parse(R"({"text": "a" "b"})", d);
  EXPECT_NE(st.message().find("parse error"), std::string::npos) << st.message();
}

TEST(JsonRecord, InvalidUtf8InsideStringIsRepairedNotFatal) {
  doc::Document d;
  std::string line = R"({"text": ")" + std::string(300, 'x') + "\xC3\xA9 \xFF" + R"("})";
  ASSERT_TRUE(parse(line, d).is_ok());
  EXPECT_NE(d.text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(JsonRecord, EscapedControlsFollowThePolicy) {
  doc::Document d;
  ASSERT_TRUE(parse(R"({"text": "a\u0000b\r\nc\u0007"})", d).is_ok());
  EXPECT_EQ(d.text, "ab\nc");
}

TEST(JsonRecord, HtmlFieldInsteadOfText) {
  doc::Document d;
  ASSERT_TRUE(parse(R"({"id":"h","html":"<html><head><meta name=\"date\" content=\"2024-07-10\"></head><body><nav>Menu</nav><p>Leaders met in Washington.</p></body></html>"})", d).is_ok());
  EXPECT_EQ(d.text, "Leaders met in Washington.");
  EXPECT_EQ(d.meta.published->iso(), "2024-07-10");
  EXPECT_EQ(d.meta.published_source, "meta");
}

}  // namespace
}  // namespace casus::read
