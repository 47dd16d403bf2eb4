// Placeholder until the eval stage lands: the verb exists so that --help lists it.
#include <CLI/CLI.hpp>

#include "casus/cli/verbs.h"

namespace casus::cli {

Verb add_eval_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("eval", "(not built yet)");
  return {cmd, [] {
            print_error("eval: not built yet");
            return kExitUsage;
          }};
}

}  // namespace casus::cli
