#include "casus/read/input_source.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

namespace casus::read {
namespace {

namespace fs = std::filesystem;

class InputSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("casus_read_test_" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& rel, const std::string& bytes) {
    const fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::vector<Item> read_all(std::vector<std::string> args, ReadOptions o = {}) {
    auto src = InputSource::open(std::move(args), o);
    EXPECT_TRUE(src.is_ok());
    std::vector<Item> items;
    Item item;
    while (src->next(item)) items.push_back(std::move(item));
    return items;
  }
  fs::path dir_;
};

TEST_F(InputSourceTest, WalksDirectoriesRecursivelyInSortedOrder) {
  write("b.txt", "BEIRUT - Second file.");
  write("a/z.txt", "KYIV - Nested file.");
  write("a/c.html", "<html><body><p>HTML file.</p></body></html>");
  write("notes.md", "# not a document");
  write(".hidden.txt", "skipped silently");
  const auto items = read_all({dir_.string()});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].name, "a/c.html");
  EXPECT_EQ(items[0].document.text, "HTML file.");
  EXPECT_EQ(items[1].name, "a/z.txt");
  EXPECT_EQ(items[1].document.meta.id, "a/z.txt");
  EXPECT_EQ(items[1].document.meta.path, (dir_ / "a/z.txt").string());
  EXPECT_EQ(items[2].name, "b.txt");
  EXPECT_EQ(items[3].name, "notes.md");
  EXPECT_EQ(items[3].kind, Item::Kind::kSkipped);
  EXPECT_EQ(items[3].status.code(), Code::kUnsupported);
}

TEST_F(InputSourceTest, JsonLinesOneItemPerLineAndBadLinesDoNotStopTheBatch) {
  const std::string path = write("news.jsonl",
                                 "{\"id\":\"one\",\"text\":\"First.\"}\n"
                                 "\n"
                                 "{\"text\": broken}\n"
                                 "{\"title\":\"no text\"}\r\n"
                                 "{\"url\":\"https://x.example/4\",\"text\":\"Fourth.\"}\r\n"
                                 "{\"text\":\"Last line without newline.\"}");
  const auto items = read_all({path});
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].document.meta.id, "one");
  EXPECT_EQ(items[1].kind, Item::Kind::kError);
  EXPECT_EQ(items[1].name, path + ":3");
  EXPECT_EQ(items[1].status.code(), Code::kBadJson);
  EXPECT_EQ(items[2].status.code(), Code::kMissingField);
  EXPECT_EQ(items[2].name, path + ":4");
  EXPECT_EQ(items[3].document.meta.id, "https://x.example/4");
  EXPECT_EQ(items[4].kind, Item::Kind::kDocument);
  EXPECT_EQ(items[4].document.meta.id, path + ":6");
  EXPECT_EQ(items[4].document.text, "Last line without newline.");
}

TEST_F(InputSourceTest, GiantLineIsSkippedWithoutBufferingAndReadingContinues) {
  ReadOptions o;
  o.max_document_bytes = 1000;
  const std::string path = write("big.jsonl", "{\"text\":\"" + std::string(300000, 'x') + "\"}\n{\"text\":\"after\"}\n");
  const auto items = read_all({path}, o);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.code(), Code::kTooLarge);
  EXPECT_EQ(items[0].name, path + ":1");
  EXPECT_EQ(items[1].document.text, "after");
}

TEST_F(InputSourceTest, BadFilesAreErrorItems) {
  ReadOptions o;
  o.max_document_bytes = 64;
  write("empty.txt", "");
  write("binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write("large.txt", std::string(65, 'a'));
  write("ok.txt", "KYIV - fine.");
  const auto items = read_all({dir_.string(), (dir_ / "missing.txt").string()}, o);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].status.code(), Code::kBinaryInput);
  EXPECT_EQ(items[1].status.code(), Code::kEmptyInput);
  EXPECT_EQ(items[2].status.code(), Code::kTooLarge);
  EXPECT_EQ(items[3].kind, Item::Kind::kDocument);
  EXPECT_EQ(items[4].status.code(), Code::kIo);
  EXPECT_EQ(items[4].name, (dir_ / "missing.txt").string());
}

TEST_F(InputSourceTest, JsonArrayFileAndSniffedUnknownExtension) {
  const std::string arr = write("batch.json", R"([{"id":"a","text":"One."},{"text":"Two."},7])");
  const std::string html = write("page.php", "<!DOCTYPE html><html><body><p>Sniffed page.</p></body></html>");
  const auto items = read_all({arr, html});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].document.meta.id, "a");
  EXPECT_EQ(items[1].document.meta.id, arr + "[1]");
  EXPECT_EQ(items[2].status.code(), Code::kBadJson);
  EXPECT_EQ(items[3].document.text, "Sniffed page.");
}

TEST_F(InputSourceTest, StandardInputIsJsonLinesByDefault) {
  const std::string jsonl = write("in.jsonl", "{\"text\":\"From stdin.\"}\n{\"text\":\"Second.\"}\n");
  ASSERT_NE(std::freopen(jsonl.c_str(), "rb", stdin), nullptr);
  auto items = read_all({"-"});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].document.meta.id, "stdin:2");
  EXPECT_EQ(items[1].document.meta.path, "");
  EXPECT_EQ(items[1].document.text, "Second.");

  const std::string text = write("in.txt", "KYIV - A plain text document on stdin.");
  ASSERT_NE(std::freopen(text.c_str(), "rb", stdin), nullptr);
  ReadOptions o;
  o.stdin_format = Format::kText;
  items = read_all({"-"}, o);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].document.meta.id, "stdin");
  EXPECT_EQ(items[0].document.text, "KYIV - A plain text document on stdin.");
}

TEST_F(InputSourceTest, UsageErrors) {
  EXPECT_EQ(InputSource::open({}, {}).status().code(), Code::kUsage);
  EXPECT_EQ(InputSource::open({"-", "x", "-"}, {}).status().code(), Code::kUsage);
}

TEST(Formats, ByExtensionAndSniffing) {
  EXPECT_EQ(format_from_path("a/b.TXT"), Format::kText);
  EXPECT_EQ(format_from_path("x.htm"), Format::kHtml);
  EXPECT_EQ(format_from_path("x.ndjson"), Format::kJsonl);
  EXPECT_EQ(format_from_path("x.json"), Format::kJson);
  EXPECT_EQ(format_from_path("dir.v2/README"), Format::kAuto);
  EXPECT_EQ(sniff_format("  {\"text\":1}"), Format::kJsonl);
  EXPECT_EQ(sniff_format("<!doctype html><p>x"), Format::kHtml);
  EXPECT_EQ(sniff_format("KYIV - Plain text < with a bracket."), Format::kText);
}

}  // namespace
}  // namespace casus::read
