#include "casus/read/decode.h"

#include <gtest/gtest.h>

#include <string>

namespace casus::read {
namespace {

std::string ok(std::string_view raw, DecodeStats* st = nullptr) {
  auto r = decode(raw, {}, st);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? r.value() : std::string();
}

TEST(Decode, PlainUtf8PassesThrough) {
  EXPECT_EQ(ok("KYIV \xE2\x80\x94 Russia launched drones at Kyiv overnight."),
            "KYIV \xE2\x80\x94 Russia launched drones at Kyiv overnight.");
}

TEST(Decode, StripsBomAndNormalisesNewlines) {
  DecodeStats st;
  EXPECT_EQ(ok("\xEF\xBB\xBFline one\r\nline two\rline three\n", &st), "line one\nline two\nline three\n");
  EXPECT_TRUE(st.had_bom);
}

TEST(Decode, RemovesNulAndControlsButKeepsTabs) {
  DecodeStats st;
  static constexpr char kRaw[] = "Gaza\0 City\x07 talks\tresumed\x1b.";
  EXPECT_EQ(ok(std::string(kRaw, sizeof kRaw - 1), &st), "Gaza City talks\tresumed.");
  EXPECT_EQ(st.removed_controls, 3u);
}

TEST(Decode, FormFeedAndUnicodeSeparatorsBecomeNewlines) {
  EXPECT_EQ(ok("one\ftwo\xE2\x80\xA8three\xE2\x80\xA9" "four"), "one\ntwo\nthree\n\nfour");
}

TEST(Decode, FewInvalidBytesBecomeReplacementCharacters) {
  DecodeStats st;
  std::string text(400, 'a');
  text += "\xE2\x80\x94 caf\xC3\xA9 \xFF end";  // one stray byte among valid multi-byte text
  const std::string out = ok(text, &st);
  EXPECT_EQ(st.invalid_bytes, 1u);
  EXPECT_NE(out.find("\xEF\xBF\xBD end"), std::string::npos);
  EXPECT_FALSE(st.windows_1252);
}

TEST(Decode, MostlyInvalidUtf8IsRejectedWithOffset) {
  std::string text = "caf\xC3\xA9 ";  // valid multi-byte, so not Windows-1252
  for (int i = 0; i < 20; ++i) text += "x\xFE";
  auto r = decode(text);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidUtf8);
  EXPECT_NE(r.status().message().find("byte 7"), std::string::npos) << r.status().message();
}

TEST(Decode, LegacyWindows1252IsTranscoded) {
  DecodeStats st;
  // "The minister said \x93no\x94 \x96 caf\xe9" in Windows-1252.
  EXPECT_EQ(ok("The minister said \x93no\x94 \x96 caf\xe9", &st),
            "The minister said \xE2\x80\x9Cno\xE2\x80\x9D \xE2\x80\x93 caf\xC3\xA9");
  EXPECT_TRUE(st.windows_1252);
}

TEST(Decode, EmptyAndWhitespaceOnlyAreEmptyInput) {
  EXPECT_EQ(decode("").status().code(), Code::kEmptyInput);
  EXPECT_EQ(decode(" \n\t\r\n").status().code(), Code::kEmptyInput);
  EXPECT_EQ(decode("\xEF\xBB\xBF").status().code(), Code::kEmptyInput);
}

TEST(Decode, BinaryInputIsRejected) {
  EXPECT_EQ(decode("\x1f\x8b\x08\x00\x00\x00").status().code(), Code::kBinaryInput);
  EXPECT_EQ(decode("%PDF-1.7 ...").status().code(), Code::kBinaryInput);
  std::string nul_heavy = "text";
  nul_heavy += std::string(50, '\0');
  EXPECT_EQ(decode(nul_heavy).status().code(), Code::kBinaryInput);
  EXPECT_EQ(decode("\xFF\xFEh\0i\0").status().code(), Code::kInvalidUtf8);  // UTF-16 named as such
}

TEST(Decode, SizeLimit) {
  ReadOptions o;
  o.max_document_bytes = 10;
  EXPECT_EQ(decode("0123456789", o).is_ok(), true);
  EXPECT_EQ(decode("0123456789A", o).status().code(), Code::kTooLarge);
}

TEST(Decode, TruncatedSequenceAtEndDoesNotReadPastBuffer) {
  std::string text = "caf\xC3\xA9 " + std::string(300, 'b');
  text += "\xE2\x80";  // cut-off dash
  DecodeStats st;
  const std::string out = ok(text, &st);
  EXPECT_EQ(st.invalid_bytes, 2u);
  EXPECT_EQ(out.substr(out.size() - 6), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Decode, ShortTextWithOneNulIsCleanedNotRejected) {
  EXPECT_EQ(ok(std::string("a\0b", 3)), "ab");
}

}  // namespace
}  // namespace casus::read
