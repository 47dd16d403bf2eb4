// Placeholder until the train stage lands: the verb exists so that --help lists it.
#include <CLI/CLI.hpp>

#include "casus/cli/verbs.h"

namespace casus::cli {

Verb add_train_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("train", "(not built yet)");
  return {cmd, [] {
            print_error("train: not built yet");
            return kExitUsage;
          }};
}

}  // namespace casus::cli
