// casus — political event data from news text. One binary, git-style verbs.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "casus/cli/verbs.h"
#include "casus/util/version.h"

namespace casus::cli {

void print_error(const std::string& message) { std::fprintf(stderr, "casus: %s\n", message.c_str()); }

static int run_main(int argc, char** argv) {
  CLI::App app{"casus: reads news reports and codes who did what to whom, when, where and according to whom "
               "(PLOVER event data)."};
  app.set_version_flag("--version", std::string("casus ") + kVersion + " (" + kGitHash + ")");
  app.require_subcommand(1);
  std::vector<Verb> verbs = {add_code_verb(app),  add_parse_verb(app),   add_train_verb(app),
                             add_eval_verb(app),  add_kb_verb(app),      add_lexicon_verb(app),
                             add_model_verb(app),  add_query_verb(app),
                             add_series_verb(app), add_network_verb(app), add_fronts_verb(app),
                             add_alerts_verb(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  for (auto& verb : verbs)
    if (verb.command && verb.command->parsed()) return verb.run();
  return kExitUsage;
}

}  // namespace casus::cli

int main(int argc, char** argv) {
  try {
    return casus::cli::run_main(argc, argv);
  } catch (const std::exception& e) {
    casus::cli::print_error(std::string("internal error: ") + e.what());
    return 3;
  }
}
