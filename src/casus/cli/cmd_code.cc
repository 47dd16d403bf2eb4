// Placeholder until the code stage lands: the verb exists so that --help lists it.
#include <CLI/CLI.hpp>

#include "casus/cli/verbs.h"

namespace casus::cli {

Verb add_code_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("code", "(not built yet)");
  return {cmd, [] {
            print_error("code: not built yet");
            return kExitUsage;
          }};
}

}  // namespace casus::cli
