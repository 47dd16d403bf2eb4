// Placeholder until the kb stage lands: the verb exists so that --help lists it.
#include <CLI/CLI.hpp>

#include "casus/cli/verbs.h"

namespace casus::cli {

Verb add_kb_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("kb", "(not built yet)");
  return {cmd, [] {
            print_error("kb: not built yet");
            return kExitUsage;
          }};
}

}  // namespace casus::cli
