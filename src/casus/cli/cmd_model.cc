// Placeholder until the model stage lands: the verb exists so that --help lists it.
#include <CLI/CLI.hpp>

#include "casus/cli/verbs.h"

namespace casus::cli {

Verb add_model_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("model", "(not built yet)");
  return {cmd, [] {
            print_error("model: not built yet");
            return kExitUsage;
          }};
}

}  // namespace casus::cli
