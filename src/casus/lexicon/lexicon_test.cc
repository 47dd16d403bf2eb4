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
