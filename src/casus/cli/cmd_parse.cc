// Placeholder until the parse stage lands: the verb exists so that --help lists it.
#include <CLI/CLI.hpp>

#include "casus/cli/verbs.h"

namespace casus::cli {

Verb add_parse_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("parse", "(not built yet)");
  return {cmd, [] {
            print_error("parse: not built yet");
            return kExitUsage;
          }};
}

}  // namespace casus::cli
