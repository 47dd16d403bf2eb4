// Placeholder until the lexicon stage lands: the verb exists so that --help lists it.
#include <CLI/CLI.hpp>

#include "casus/cli/verbs.h"

namespace casus::cli {

Verb add_lexicon_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("lexicon", "(not built yet)");
  return {cmd, [] {
            print_error("lexicon: not built yet");
            return kExitUsage;
          }};
}

}  // namespace casus::cli
