#include "casus/lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace casus::lexicon {

namespace {
std::string repo_lexicon() { return std::string(CASUS_SOURCE_DIR) + "/lexicon"; }
}  // namespace

// The repository's lexicon must pass `casus lexicon check` without errors.
TEST(Lexicon, RepositoryLexiconChecksClean) {
  auto diags = Lexicon::check(repo_lexicon());
  for (const auto& d : diags)
    if (d.error) ADD_FAILURE() << d.to_string();
}
}  // namespace casus::lexicon

namespace casus::lexicon {
namespace {
namespace fs = std::filesystem;

// A scratch copy of the repository lexicon that a test can break.
class ScratchLexicon {
 public:
  explicit ScratchLexicon(const std::string& name) : dir_(fs::temp_directory_path() / ("casus_lex_" + name)) {
    fs::remove_all(dir_);
    fs::copy(repo_lexicon(), dir_, fs::copy_options::recursive);
  }
  ~ScratchLexicon() { fs::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }
  void append(const std::string& rel, const std::string& text) {
    std::ofstream(dir_ / rel, std::ios::app) << text;
  }
  void write(const std::string& rel, const std::string& text) { std::ofstream(dir_ / rel) << text; }

 private:
  fs::path dir_;
};

bool has_error(const std::vector<Diagnostic>& ds, const std::string& needle) {
  for (const auto& d : ds)
    if (d.error && d.message.find(needle) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST(Lexicon, LoadsAndScores) {
  auto lex = Lexicon::load(repo_lexicon());
  ASSERT_TRUE(lex) << lex.status().to_string();
  EXPECT_GT(lex->rules().size(), 200u);
  EXPECT_LT(lex->stats().load_ms, 1000.0);
  EXPECT_DOUBLE_EQ(lex->score(doc::Plover::kAssault, ""), -9);
  EXPECT_DOUBLE_EQ(lex->score(doc::Plover::kAssault, "aerial"), -9.5);
  EXPECT_DOUBLE_EQ(lex->score(doc::Plover::kAid, ""), 10);
  EXPECT_DOUBLE_EQ(lex->score(doc::Plover::kConsult, "visit"), 4);
  EXPECT_DOUBLE_EQ(lex->score(doc::Plover::kConsult, "no-such-mode"), 2.5);
  EXPECT_TRUE(lex->is_mode(doc::Plover::kCoerce, "martial-law"));
  EXPECT_FALSE(lex->is_mode(doc::Plover::kCoerce, "aerial"));
  EXPECT_EQ(lex->category(doc::Plover::kConsult).future_category, doc::Plover::kAgree);
  EXPECT_EQ(lex->category(doc::Plover::kRetreat).future_category, doc::Plover::kConcede);
  EXPECT_TRUE(lex->category(doc::Plover::kAid).requires_recipient);
  for (int c = 1; c < doc::kNumPlover; ++c) {
    size_t n = 0;
    for (const auto& r : lex->rules()) n += r.category == static_cast<doc::Plover>(c);
    EXPECT_GT(n, 0u) << doc::plover_name(static_cast<doc::Plover>(c));
  }
  const Rule* r = lex->find_rule("ASSAULT.launch.weapon");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->category, doc::Plover::kAssault);
}

TEST(Lexicon, CheckFindsBrokenRules) {
  ScratchLexicon s("broken");
  s.write("rules/yy.tsv",
          "#schema_version=1\nid\tcategory\tmode\ttrigger\ttemplate\tcontext\tconfidence\treviewed\tnotes\n"
          "ASSAULT.short\tASSAULT\t-\tfoo/VERB\n");
  auto ds = Lexicon::check(s.dir());
  EXPECT_TRUE(has_error(ds, "cells, expected 9")) << ds.size();
  fs::remove(fs::path(s.dir()) / "rules/yy.tsv");
  s.write("rules/zz.tsv",
          "#schema_version=1\nid\tcategory\tmode\ttrigger\ttemplate\tcontext\tconfidence\treviewed\tnotes\n"
          "ASSAULT.attack.v\tASSAULT\t-\tfoo/VERB\t-\t-\t0.5\tyes\tduplicate id\n"
          "ASSAULT.badmode\tASSAULT\tlaser\tfoo/VERB\t-\t-\t0.5\tyes\t-\n"
          "ASSAULT.badrel\tASSAULT\t-\tfoo/VERB\tactor=subject\t-\t0.5\tyes\t-\n"
          "ASSAULT.badctx\tASSAULT\t-\tfoo/VERB\t-\tspace\t0.5\tyes\t-\n"
          "ASSAULT.badconf\tASSAULT\t-\tfoo/VERB\t-\t-\t1.5\tyes\t-\n"
          "PROTEST.wrongprefix\tASSAULT\t-\tfoo/VERB\t-\t-\t0.5\tyes\t-\n"
          "ASSAULT.badpos\tASSAULT\t-\tfoo/VRB\t-\t-\t0.5\tyes\t-\n"
          "ASSAULT.badtmplmode\tASSAULT\t-\tfoo/VERB\tmode:laser=obj\t-\t0.5\tyes\t-\n"
          "ASSAULT.unknown.cat\tFIGHT\t-\tfoo/VERB\t-\t-\t0.5\tyes\t-\n"
          "PROTEST.conflict\tPROTEST\t-\tcondemn/VERB\t-\t-\t0.5\tyes\t-\n");
  ds = Lexicon::check(s.dir());
  EXPECT_TRUE(has_error(ds, "duplicate id ASSAULT.attack.v"));
  EXPECT_TRUE(has_error(ds, "\"laser\" is not a mode of ASSAULT"));
  EXPECT_TRUE(has_error(ds, "unknown dependency relation \"subject\""));
  EXPECT_TRUE(has_error(ds, "unknown context \"space\""));
  EXPECT_TRUE(has_error(ds, "confidence"));
  EXPECT_TRUE(has_error(ds, "must be ASSAULT."));
  EXPECT_TRUE(has_error(ds, "trigger POS"));
  EXPECT_TRUE(has_error(ds, "template mode \"laser\""));
  EXPECT_TRUE(has_error(ds, "unknown category \"FIGHT\""));
  bool conflict_warning = false;
  for (const auto& d : ds) conflict_warning |= !d.error && d.message.find("PROTEST.conflict") != std::string::npos;
  EXPECT_TRUE(conflict_warning);
  auto lex = Lexicon::load(s.dir());
  EXPECT_FALSE(lex);
}

TEST(Lexicon, SchemaVersionIsChecked) {
  ScratchLexicon s("version");
  s.write("contexts.tsv", "#schema_version=9\ncontext\tdescription\nmilitary\tx\n");
  auto lex = Lexicon::load(s.dir());
  ASSERT_FALSE(lex);
  EXPECT_EQ(lex.status().code(), Code::kKbSchema);
  EXPECT_NE(lex.status().message().find("schema_version 9"), std::string::npos) << lex.status().message();
  s.write("contexts.tsv", "context\tdescription\n");
  EXPECT_TRUE(has_error(Lexicon::check(s.dir()), "schema_version"));
  s.write("contexts.tsv", "#schema_version=1\nname\tdescription\n");
  EXPECT_TRUE(has_error(Lexicon::check(s.dir()), "header"));
}

TEST(Lexicon, MissingDirectoryIsAnError) {
  auto lex = Lexicon::load("/nonexistent/lexicon");
  ASSERT_FALSE(lex);
}

}  // namespace casus::lexicon
